/** A program that does nothing: the JVM's own start-up and exit, the floor under every figure. */
public final class Empty {
  public static void main(String[] args) {}
}
