package dev.vsm.domain.complexity;

/**
 * Ordinal logistic regression (proportional odds) for the three levels: with {@code z = a + v·x},
 * P(at least medium) = σ(z) and P(complex) = σ(z − g), with the gap g > 0 given. Fitted by Newton's
 * method on the log-likelihood with an L2 penalty {@code λ·|v|²} (the intercept and the gap are not
 * penalised). The objective is concave, so the answer does not depend on the starting point; {@link
 * StrictMath} makes it the same bit for bit on every JVM.
 */
final class OrdinalModel {

  final double[] v;
  final double a;
  final double g;

  private OrdinalModel(double[] v, double a, double g) {
    this.v = v;
    this.a = a;
    this.g = g;
  }

  /**
   * Fits {@code x} (n rows of f features) to levels {@code y} (0 simple, 1 medium, 2 complex) with
   * the gap between the two thresholds held at {@code gap}.
   */
  static OrdinalModel fit(double[][] x, int[] y, double lambda, double[] prior, double gap) {
    int n = x.length;
    int f = n == 0 ? 0 : x[0].length;
    int p = f + 2;
    double[] theta = new double[p];
    // Start from the class proportions.
    double atLeastMedium = 0;
    double complex = 0;
    for (int label : y) {
      atLeastMedium += label >= 1 ? 1 : 0;
      complex += label == 2 ? 1 : 0;
    }
    double a0 = logit((atLeastMedium + 0.5) / (n + 1));
    double c0 = logit((complex + 0.5) / (n + 1));
    theta[f] = a0;
    theta[f + 1] = gap;
    System.arraycopy(prior, 0, theta, 0, f);
    double current = objective(x, y, lambda, prior, theta);
    for (int iteration = 0; iteration < 200; iteration++) {
      double[] grad = new double[p];
      double[][] hess = new double[p][p];
      derivatives(x, y, lambda, prior, theta, grad, hess);
      // The gap is fixed: no step along it.
      for (int i = 0; i < p; i++) {
        hess[f + 1][i] = 0;
        hess[i][f + 1] = 0;
      }
      hess[f + 1][f + 1] = -1;
      grad[f + 1] = 0;
      // Newton step: solve (-H) d = grad.
      double[][] negH = new double[p][p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          negH[i][j] = -hess[i][j];
        }
      }
      double[] d = solve(negH, grad);
      double step = 1;
      double[] next = new double[p];
      double value = Double.NEGATIVE_INFINITY;
      while (step > 1e-12) {
        for (int i = 0; i < p; i++) {
          next[i] = theta[i] + step * d[i];
        }
        if (next[f + 1] > 1e-6) {
          value = objective(x, y, lambda, prior, next);
          if (value >= current - 1e-12) {
            break;
          }
        }
        step /= 2;
      }
      double change = 0;
      for (int i = 0; i < p; i++) {
        change = Math.max(change, Math.abs(next[i] - theta[i]));
      }
      if (!(value >= current - 1e-12)) {
        break;
      }
      theta = next.clone();
      current = value;
      if (change < 1e-10) {
        break;
      }
    }
    double[] v = new double[f];
    System.arraycopy(theta, 0, v, 0, f);
    return new OrdinalModel(v, theta[f], theta[f + 1]);
  }

  private static double objective(
      double[][] x, int[] y, double lambda, double[] prior, double[] theta) {
    int f = theta.length - 2;
    double a = theta[f];
    double g = theta[f + 1];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double z = a + dot(x[i], theta, f);
      sum += logLikelihood(y[i], z, g);
    }
    for (int j = 0; j < f; j++) {
      double d = theta[j] - prior[j];
      sum -= lambda * d * d;
    }
    return sum;
  }

  private static double logLikelihood(int label, double z, double g) {
    return switch (label) {
      case 0 -> logSigmoid(-z);
      case 2 -> logSigmoid(z - g);
      default -> {
        double p1 = sigmoid(z);
        double p2 = sigmoid(z - g);
        yield StrictMath.log(Math.max(p1 - p2, 1e-300));
      }
    };
  }

  private static void derivatives(
      double[][] x,
      int[] y,
      double lambda,
      double[] prior,
      double[] theta,
      double[] grad,
      double[][] hess) {
    int f = theta.length - 2;
    double a = theta[f];
    double g = theta[f + 1];
    double[] row = new double[f + 1];
    for (int i = 0; i < x.length; i++) {
      double z = a + dot(x[i], theta, f);
      double lz;
      double lg;
      double lzz;
      double lzg;
      double lgg;
      double p1 = sigmoid(z);
      double p2 = sigmoid(z - g);
      double q1 = p1 * (1 - p1);
      double q2 = p2 * (1 - p2);
      switch (y[i]) {
        case 0 -> {
          lz = -p1;
          lg = 0;
          lzz = -q1;
          lzg = 0;
          lgg = 0;
        }
        case 2 -> {
          lz = 1 - p2;
          lg = -(1 - p2);
          lzz = -q2;
          lzg = q2;
          lgg = -q2;
        }
        default -> {
          double dd = Math.max(p1 - p2, 1e-300);
          lz = (q1 - q2) / dd;
          lg = q2 / dd;
          lzz = (q1 * (1 - 2 * p1) - q2 * (1 - 2 * p2)) / dd - lz * lz;
          lzg = q2 * (1 - 2 * p2) / dd - (q1 - q2) * q2 / (dd * dd);
          lgg = -q2 * (1 - 2 * p2) / dd - lg * lg;
        }
      }
      System.arraycopy(x[i], 0, row, 0, f);
      row[f] = 1;
      for (int j = 0; j <= f; j++) {
        if (row[j] == 0) {
          continue;
        }
        grad[j] += row[j] * lz;
        for (int k = 0; k <= f; k++) {
          if (row[k] != 0) {
            hess[j][k] += row[j] * row[k] * lzz;
          }
        }
        hess[j][f + 1] += row[j] * lzg;
        hess[f + 1][j] += row[j] * lzg;
      }
      grad[f + 1] += lg;
      hess[f + 1][f + 1] += lgg;
    }
    for (int j = 0; j < f; j++) {
      grad[j] -= 2 * lambda * (theta[j] - prior[j]);
      hess[j][j] -= 2 * lambda;
    }
  }

  /** Solves a symmetric positive definite system by Cholesky decomposition (with a small ridge). */
  private static double[] solve(double[][] m, double[] b) {
    int n = b.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = m[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          l[i][i] = StrictMath.sqrt(Math.max(sum, 1e-12));
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    double[] out = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = z[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * out[k];
      }
      out[i] = sum / l[i][i];
    }
    return out;
  }

  private static double dot(double[] xi, double[] theta, int f) {
    double s = 0;
    for (int j = 0; j < f; j++) {
      s += xi[j] * theta[j];
    }
    return s;
  }

  /**
   * The sharpness s that best explains levels {@code y} given scores (maximum likelihood of P(at
   * least medium) = σ(s·(score − lo)), P(complex) = σ(s·(score − hi))), searched on a grid of steps
   * of 0.01 between 0.5 and 60.
   */
  static double calibrate(double[] score, int[] y, double lo, double hi) {
    double best = 1;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int step = 50; step <= 6000; step++) {
      double s = step / 100.0;
      double value = 0;
      for (int i = 0; i < score.length; i++) {
        value += logLikelihood(y[i], s * (score[i] - lo), s * (hi - lo));
      }
      if (value > bestValue) {
        bestValue = value;
        best = s;
      }
    }
    return best;
  }

  static double sigmoid(double z) {
    return 1 / (1 + StrictMath.exp(-z));
  }

  private static double logSigmoid(double z) {
    return z >= 0 ? -StrictMath.log1p(StrictMath.exp(-z)) : z - StrictMath.log1p(StrictMath.exp(z));
  }

  private static double logit(double p) {
    return StrictMath.log(p / (1 - p));
  }
}
