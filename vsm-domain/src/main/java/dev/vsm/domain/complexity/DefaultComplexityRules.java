package dev.vsm.domain.complexity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in vocabulary. Each keyword concept groups synonyms and inflections (patterns without a
 * trailing {@code \b} are stems), so a rule covers the ways people write the same request rather
 * than one sentence.
 */
final class DefaultComplexityRules {

  private DefaultComplexityRules() {}

  private static WeightedPattern concept(String name, double weight, String... patterns) {
    return new WeightedPattern(name, List.of(patterns), weight);
  }

  // Small, local edits: wording, names, comments, formatting, versions, constants.
  private static final List<WeightedPattern> SIMPLE =
      List.of(
          concept(
              "wording",
              -0.3,
              "typo",
              "misspel",
              "spelling",
              "wording",
              "grammar",
              "punctuation",
              "capitali[sz]ation"),
          concept("rename", -0.3, "renam"),
          concept("comment", -0.3, "comments?\\b", "todo\\b", "fixme\\b", "docstring"),
          concept(
              "version",
              -0.3,
              "bump",
              "version\\s+(?:number|string|to)\\b",
              "copyright",
              "year\\b"),
          concept(
              "formatting",
              -0.3,
              "format(?:ting)?\\s+(?:the\\s+|of\\s+)?(?:code|source|files?)\\b",
              "reformat",
              "formatting\\b",
              "whitespace",
              "indent",
              "trailing\\s+spaces?",
              "prettier\\b",
              "gofmt\\b"),
          concept("lint", -0.3, "lint", "compiler\\s+warnings?"),
          concept(
              "leftover",
              -0.3,
              "unused",
              "dead\\s+code",
              "leftover",
              "debug\\s+(?:prints?|statements?|output)"),
          concept(
              "ui-text",
              -0.3,
              "labels?\\b",
              "captions?\\b",
              "placeholder",
              "tooltip",
              "help\\s+text",
              "button\\s+text",
              "colou?r\\s+of\\b",
              "font\\s+size"),
          concept(
              "constant",
              -0.3,
              "constants?\\b",
              "default\\s+(?:value|timeout|port|limit)s?\\b",
              "hard-?coded",
              "magic\\s+numbers?",
              "from\\s+\\d[\\w.]*\\s+to\\s+\\d"),
          concept("log-line", -0.3, "log\\s+(?:line|message|statement)s?\\b", "print\\s+statement"),
          concept(
              "small",
              -0.3,
              "minor\\b",
              "small\\b",
              "tiny\\b",
              "trivial",
              "quick\\b",
              "one-?liner?\\b",
              "simple\\b"),
          concept("link", -0.3, "(?:broken|dead)\\s+links?\\b"));

  // Ordinary feature and fix work: one feature, a bug, tests.
  private static final List<WeightedPattern> MEDIUM =
      List.of(
          concept("validation", 0.1, "validat", "sanitiz", "sanitis"),
          concept("tests", 0.1, "tests?\\b", "testing\\b", "test\\s+coverage", "specs\\b"),
          concept(
              "bug",
              0.1,
              "bugs?\\b",
              "crash",
              "exceptions?\\b",
              "null\\s+pointer",
              "error\\s+handling",
              "regression"),
          concept("feature", 0.1, "features?\\b", "functionality", "support\\s+for\\b"),
          concept("list-operations", 0.1, "paginat", "sort", "filter"),
          concept("data-transfer", 0.1, "export", "csv\\b", "upload", "download"),
          concept("caching", 0.1, "cach"),
          concept("resilience", 0.1, "retr(?:y|ies|ied)\\b", "backoff", "rate\\s+limit"),
          concept(
              "cli", 0.1, "command-line", "cli\\b", "flags?\\b", "options?\\b", "arguments?\\b"),
          concept(
              "ui-feature",
              0.1,
              "toggle",
              "dark\\s+mode",
              "modal",
              "dialog",
              "dropdown",
              "date\\s+picker",
              "forms?\\b"),
          concept("endpoint", 0.1, "endpoints?\\b", "routes?\\b", "handlers?\\b"),
          concept(
              "account",
              0.1,
              "login",
              "log\\s+in\\b",
              "sign[- ]?(?:up|in)\\b",
              "registration",
              "password\\s+reset"));

  // Work that spans systems or carries risk: security, architecture, migrations, infrastructure.
  private static final List<WeightedPattern> COMPLEX =
      List.of(
          concept(
              "authentication",
              0.5,
              "authenticat",
              "authori[sz]",
              "auth\\b",
              "oauth",
              "jwt",
              "sso\\b",
              "saml\\b",
              "openid",
              "single\\s+sign",
              "access\\s+control",
              "role-based",
              "rbac\\b",
              "two-factor",
              "2fa\\b",
              "mfa\\b",
              "multi-factor"),
          concept(
              "security",
              0.3,
              "security",
              "secure\\b",
              "encrypt",
              "vulnerab",
              "csrf\\b",
              "xss\\b",
              "sql\\s+injection"),
          concept(
              "real-time",
              0.5,
              "real[- ]?time",
              "websocket",
              "web\\s+sockets?",
              "socket\\.io",
              "server-sent",
              "live\\s+updates?",
              "push\\s+notifications?",
              "streaming",
              "pub/?sub\\b"),
          concept("migration", 0.5, "migrat", "port\\s+(?:the\\s+)?\\w+\\s+(?:from|to)\\b"),
          concept(
              "architecture",
              0.5,
              "architect",
              "redesign",
              "monolith",
              "micro-?services?",
              "distributed",
              "event[- ]driven",
              "event\\s+sourcing",
              "cqrs\\b",
              "service\\s+mesh",
              "message\\s+(?:queue|broker|bus)",
              "kafka",
              "rabbitmq"),
          concept(
              "restructuring",
              0.5,
              "refactor",
              "restructur",
              "rewrit",
              "overhaul",
              "decoupl",
              "modulari[sz]",
              "split\\s+(?:the\\s+)?[\\w-]+\\s+into"),
          concept(
              "performance",
              0.5,
              "optimi[sz]",
              "performance",
              "scalab",
              "scaling\\b",
              "throughput",
              "latency",
              "bottleneck",
              "load\\s+balanc",
              "concurren",
              "multi-?thread",
              "memory\\s+leak",
              "shard",
              "replicat"),
          concept(
              "infrastructure",
              0.5,
              "ci/cd\\b",
              "ci\\s+pipeline",
              "pipelines?\\b",
              "kubernetes",
              "k8s\\b",
              "docker",
              "containeri[sz]",
              "terraform",
              "helm\\b",
              "infrastructure",
              "autoscal",
              "observability",
              "high\\s+availability"),
          concept("api-paradigm", 0.5, "graphql", "grpc\\b", "api\\s+gateway"),
          concept(
              "data-platform",
              0.4,
              "multi-?tenan",
              "data\\s+model",
              "schema\\s+(?:change|design|migration)",
              "etl\\b",
              "data\\s+warehouse"),
          concept("internationalisation", 0.4, "internationali[sz]", "locali[sz]ation", "i18n\\b"),
          concept(
              "integration",
              0.3,
              "integrat\\w*\\s+with\\b",
              "third-party",
              "stripe\\b",
              "paypal",
              "elasticsearch",
              "webhooks?\\b"),
          concept("payments", 0.3, "payments?\\b", "billing", "checkout", "subscriptions?\\b"),
          concept("sync", 0.3, "offline", "synchroni[sz]", "sync\\b"),
          concept(
              "system-scale",
              0.2,
              "engine\\b",
              "platform\\b",
              "framework\\b",
              "subsystem",
              "plugin\\s+system",
              "sdk\\b"));

  private static final Map<String, List<String>> DOMAINS = domains();

  private static Map<String, List<String>> domains() {
    Map<String, List<String>> d = new LinkedHashMap<>();
    d.put(
        "frontend",
        List.of(
            "ui\\b",
            "ux\\b",
            "front-?end",
            "react",
            "vue\\b",
            "angular",
            "svelte",
            "css\\b",
            "scss\\b",
            "html\\b",
            "components?\\b",
            "buttons?\\b",
            "pages?\\b",
            "forms?\\b",
            "layout",
            "stylesheet",
            "dark\\s+mode",
            "theme",
            "modal",
            "dialog",
            "dropdown",
            "date\\s+picker",
            "accessib",
            "a11y\\b",
            "responsive",
            "dashboard",
            "browser",
            "screen\\b",
            "widget"));
    d.put(
        "backend",
        List.of(
            "api\\b",
            "apis\\b",
            "back-?end",
            "server\\b",
            "endpoints?\\b",
            "rest\\b",
            "graphql",
            "grpc\\b",
            "services?\\b",
            "micro-?services?",
            "monolith",
            "authenticat",
            "authori[sz]",
            "auth\\b",
            "oauth",
            "jwt",
            "sso\\b",
            "access\\s+control",
            "sessions?\\b",
            "websocket",
            "business\\s+logic",
            "middleware",
            "http\\b",
            "webhooks?\\b",
            "payments?\\b"));
    d.put(
        "database",
        List.of(
            "database",
            "db\\b",
            "sql\\b",
            "mysql",
            "postgres",
            "sqlite",
            "mongo",
            "redis\\b",
            "schema",
            "migrations\\b",
            "quer(?:y|ies)\\b",
            "indexes\\b",
            "tables?\\b",
            "orm\\b",
            "data\\s+model"));
    d.put(
        "infrastructure",
        List.of(
            "ci/cd\\b",
            "ci\\b",
            "pipelines?\\b",
            "docker",
            "kubernetes",
            "k8s\\b",
            "deploy",
            "terraform",
            "helm\\b",
            "aws\\b",
            "gcp\\b",
            "azure",
            "containers?\\b",
            "containeri[sz]",
            "infrastructure",
            "nginx",
            "monitoring",
            "devops"));
    return d;
  }

  private static final Map<ScopeEstimate, List<String>> SCOPE =
      Map.of(
          ScopeEstimate.CROSS_MODULE,
          List.of(
              "across",
              "throughout",
              "codebase",
              "entire\\b",
              "whole\\s+(?:app|application|project|system|codebase|repo)",
              "all\\s+(?:the\\s+)?(?:services|modules|components|endpoints|pages|packages|apis|"
                  + "controllers|repositories|microservices)\\b",
              "every\\s+(?:service|module|component|endpoint|page|package)\\b",
              "system-wide",
              "app-wide",
              "project-wide",
              "end-to-end",
              "globally"),
          ScopeEstimate.SINGLE_FILE,
          List.of(
              "[\\w.-]+\\.(?:py|js|jsx|ts|tsx|java|kt|go|rb|rs|c|h|cc|cpp|hpp|cs|php|swift|scala|md|"
                  + "rst|txt|json|ya?ml|toml|ini|cfg|xml|html|css|scss|sh|sql)\\b",
              "this\\s+file",
              "(?:in|of)\\s+(?:the|this|one)\\s+(?:file|function|method)\\b",
              "readme",
              "single\\s+file",
              "one\\s+file"));

  static final ComplexityRules RULES =
      new ComplexityRules(
          Map.of(Complexity.SIMPLE, SIMPLE, Complexity.MEDIUM, MEDIUM, Complexity.COMPLEX, COMPLEX),
          DOMAINS,
          SCOPE,
          List.of(
              "docs?\\b",
              "documentation",
              "documented",
              "readme",
              "comments?\\b",
              "docstring",
              "javadoc",
              "jsdoc",
              "changelog",
              "typo",
              "spelling"),
          List.of(
              "implement",
              "functions?\\b",
              "methods?\\b",
              "class\\b",
              "classes\\b",
              "variables?\\b",
              "bugs?\\b",
              "tests?\\b",
              "refactor",
              "features?\\b",
              "endpoints?\\b",
              "logic\\b"),
          List.of("review", "quality", "secur"),
          ComplexityRules.Thresholds.defaults());
}
