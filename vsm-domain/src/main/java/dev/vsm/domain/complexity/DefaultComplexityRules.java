package dev.vsm.domain.complexity;

import static dev.vsm.domain.complexity.WeightedPattern.builtIn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in vocabulary. Each keyword concept groups synonyms and inflections (patterns without a
 * trailing {@code \b} are stems), so a rule covers the ways people write the same request rather
 * than one sentence. Cues describe a task's form rather than its topic: its length, its leading
 * verb, whether it names a file, a symbol or a version.
 *
 * <p>The concepts are written here; their weights are learned from labelled tasks and read from
 * {@value #WEIGHTS} (see the vsm-domain test {@code ComplexityTraining}, which writes it and checks
 * that it is up to date). Every pattern here runs in time linear in the task's length.
 */
final class DefaultComplexityRules {

  /** Classpath resource with the learned weights (key TAB weight). */
  static final String WEIGHTS = "complexity-weights.tsv";

  private DefaultComplexityRules() {}

  /**
   * The learned weights are linear: medium concepts are not capped (a cap the learning step does
   * not model would change its answers). A rules file may still set one.
   */
  static final double MEDIUM_SIGNAL_CAP = 100;

  static final double SIMPLE_BELOW = 0.2;
  static final double COMPLEX_AT_LEAST = 0.6;

  private static WeightedPattern concept(String name, String... patterns) {
    return builtIn(name, 0, patterns);
  }

  private static WeightedPattern cue(String name, String... patterns) {
    return builtIn(name, 0, patterns);
  }

  /** How people name documentation work: one list for the concept and for "documentation only". */
  private static final String[] DOCUMENTATION = {
    "docs?\\b",
    "documentation",
    "^\\W*+document\\b",
    "documented\\b",
    "(?<![\\w.-])[\\w-]++\\.(?:md|rst|adoc)\\b",
    "notes?\\s+(?:on|about)\\b",
    "readme",
    "manual\\b",
    "guides?\\b",
    "tutorial",
    "articles?\\b",
    "faq\\b",
    "wiki\\b",
    "explanation",
    "overview\\b",
    "how-?to\\b",
    "changelog",
    "change\\s+log",
    "release\\s+notes"
  };

  /**
   * Documentation cues (for "documentation only" and the documenter): documentation, code comments
   * (a comment in or on code, not the comments of a site's users) and wording.
   */
  private static List<String> documentationCues() {
    List<String> cues = new ArrayList<>(List.of(DOCUMENTATION));
    cues.addAll(
        List.of(
            "docstring",
            "javadoc",
            "jsdoc",
            "(?:todo|fixme|code|inline|source|doc|a|the|missing)\\s+comments?\\b",
            "comments?\\s+(?:above|in\\s+the\\s+code|on\\s+the|for\\s+the|to\\s+the)\\b",
            "typo",
            "spelling"));
    WeightedPattern.trust(cues.toArray(new String[0]));
    return List.copyOf(cues);
  }

  // Small, local edits: wording, docs, names, comments, versions, values, leftovers, looks.
  private static final List<WeightedPattern> SIMPLE =
      List.of(
          concept(
              "wording",
              "typo",
              "misspel",
              "spelling",
              "wording",
              "grammar",
              "punctuation",
              "capitali[sz]ation",
              "rephras",
              "reword"),
          concept("documentation", DOCUMENTATION),
          concept("rename", "renam", "incorrectly\\s+named", "naming\\b"),
          concept(
              "comment", "comments?\\b", "todo\\b", "fixme\\b", "docstring", "javadoc", "jsdoc"),
          concept(
              "version-bump",
              "bump",
              "pin\\b",
              "pinned\\b",
              "version\\s+(?:number|string|to|in)\\b",
              "minimum\\s+\\w+\\s+version",
              "dependenc(?:y|ies)\\s+(?:versions?|updates?|upgrades?)\\b",
              "(?:update|bump|upgrade|pin)\\w*\\s+(?:the\\s+|all\\s+)?dependenc",
              "deps\\b",
              "drop\\s+(?:support\\s+for\\s+)?(?:eol\\s+)?(?:python|node(?:js)?|ruby|php|go|java|django"
                  + "|rails)\\s*\\d"),
          concept("license", "licen[cs]e", "copyright", "year\\b"),
          concept(
              "formatting",
              "format(?:ting)?\\s+(?:the\\s+|of\\s+)?(?:code|source|files?)\\b",
              "reformat",
              "formatting\\b",
              "whitespace",
              "indent",
              "trailing\\s+spaces?",
              "prettier\\b",
              "gofmt\\b",
              "code\\s+style"),
          concept("lint", "lint", "compiler\\s+warnings?", "warnings?\\b", "deprecat"),
          concept(
              "leftover",
              "unused",
              "dead\\s+code",
              "leftover",
              "left\\s+over",
              "stray\\b",
              "debug\\s+(?:prints?|statements?|output|messages?)",
              "print\\s+statements?",
              "println",
              "console\\.log"),
          concept(
              "looks",
              "labels?\\b",
              "captions?\\b",
              "(?:page|window|tab|app|site|dialog|button|menu|section)\\s+titles?\\b",
              "placeholder",
              "tooltip",
              "help\\s+text",
              "button\\s+text",
              "colou?rs?\\b",
              "font",
              "align",
              "misalign",
              "spacing\\b",
              "padding\\b",
              "margins?\\b",
              "icons?\\b",
              "badges?\\b",
              "footer",
              "alt\\s+text",
              "css\\b",
              "style\\b"),
          concept(
              "value",
              "constants?\\b",
              "default\\s+(?:value|timeout|port|limit|level|size|setting)s?\\b",
              "hard-?coded",
              "magic\\s+numbers?",
              "from\\s+\\d[\\w.]*\\s+to\\s+\\d",
              "(?:increas|decreas|rais|lower|chang|set|adjust|bump)\\w*\\s+(?:the\\s+)?(?:\\w+\\s+)?timeouts?\\b",
              "timeouts?\\s+(?:value|to\\s+\\d)",
              "ports?\\b",
              "limits?\\b",
              "configurable"),
          concept(
              "logging",
              "log\\s+(?:line|message|statement|level|output)s?\\b",
              "logging\\s+level",
              "(?:debug|info|warn|warning|error|trace)\\s+level",
              "verbosity"),
          concept(
              "small",
              "minor\\b",
              "small\\b",
              "tiny\\b",
              "trivial",
              "quick\\b",
              "one-?liner?\\b",
              "simple\\b",
              "slight",
              "tweaks?\\b",
              "nits?\\b"),
          concept(
              "links", "links?\\b", "urls?\\b", "domain\\s+name", "new\\s+domain", "old\\s+domain"),
          concept(
              "message",
              "(?:error|warning|log|status|help|validation|exception|commit)\\s+messages?",
              "more\\s+informative",
              "clearer",
              "better\\s+error"),
          concept(
              "status-code",
              "exit\\s+(?:code|status)",
              "status\\s+code",
              "return\\s+code",
              "http\\s+\\d{3}\\b",
              "(?<!#)[45]\\d\\d\\b"),
          concept(
              "guard",
              "null\\s+(?:check|pointer|reference|value)s?",
              "nullcheck",
              "npe\\b",
              "nullpointer",
              "nullreference",
              "none\\s+check",
              "off-?by-?one",
              "off\\s+by\\s+one",
              "empty\\s+(?:file|input|string|list|value|array|line)s?\\b",
              "index\\s*out\\s*of",
              "out\\s+of\\s+(?:bounds|range)",
              "division\\s+by\\s+zero",
              "keyerror",
              "typeerror",
              "undefined\\b",
              "missing\\s+(?:check|null|value|key|field)s?\\b",
              "(?:cannot|can't|could\\s+not)\\s+be\\s+(?:opened|found|read|parsed)",
              "(?:file|directory|folder)\\s+(?:is\\s+)?(?:not\\s+found|missing|does\\s+not\\s+exist)"),
          concept(
              "translation-strings",
              "translations?\\b",
              "translated\\b",
              "missing\\s+(?:\\w+\\s+)?translat"),
          concept("flaky", "flaky", "flakey", "intermittent"),
          concept(
              "presentation",
              "display",
              "shown\\s+(?:as|in|incorrectly|wrong)",
              "format\\b",
              "formatted\\b",
              "rendered\\b",
              "appearance"));

  // Ordinary feature and fix work: one feature, a bug, tests.
  private static final List<WeightedPattern> MEDIUM =
      List.of(
          concept("validation", "validat", "input\\s+check"),
          concept(
              "tests",
              "tests?\\b",
              "testing\\b",
              "test\\s+coverage",
              "specs\\b",
              "unit\\s*tests?",
              "e2e\\b",
              "end-to-end\\s+tests?",
              "playwright",
              "cypress",
              "selenium",
              "coverage\\b"),
          concept(
              "bug",
              "bugs?\\b",
              "crash",
              "exceptions?\\b",
              "error\\s+handling",
              "regression",
              "broken\\b",
              "not\\s+working",
              "doesn't\\s+work",
              "does\\s+not\\s+work",
              "wrong\\b",
              "incorrect"),
          concept("feature", "features?\\b", "functionality", "support\\s+for\\b", "ability\\s+to"),
          concept(
              "list-operations",
              "paginat",
              "sort",
              "filter",
              "search",
              "order\\s+by\\b",
              "group\\s+by\\b",
              "bulk\\b",
              "pages?\\s+of\\s+results"),
          concept(
              "data-transfer",
              "export",
              "import\\s+(?:data|from|of)\\b",
              "importer",
              "csv\\b",
              "pdf\\b",
              "excel\\b",
              "xlsx\\b",
              "upload",
              "download",
              "attachments?\\b"),
          concept("caching", "cach"),
          concept("database", "databases?\\b", "db\\b", "sql\\b", "quer(?:y|ies)\\b"),
          concept(
              "resilience", "retr(?:y|ies|ied)\\b", "retrying", "backoff", "back-off", "reconnect"),
          concept(
              "cli",
              "command-line",
              "command\\s+line",
              "cli\\b",
              "flags?\\b",
              "options?\\b",
              "arguments?\\b",
              "verbose",
              "--[a-z]",
              "completions?\\b",
              "zsh\\b",
              "bash\\b"),
          concept(
              "ui-feature",
              "toggle",
              "dark\\s+(?:mode|theme)",
              "themes?\\b",
              "modal",
              "dialog",
              "popup",
              "dropdown",
              "date\\s+picker",
              "forms?\\b",
              "sidebar",
              "navbar",
              "menus?\\b",
              "tabs?\\b",
              "drag",
              "autocomplet",
              "suggestions?\\b",
              "progress\\s+bar",
              "keyboard\\s+shortcuts?",
              "shortcuts?\\b",
              "hotkeys?\\b",
              "thumbnails?\\b",
              "preview",
              "confirm",
              "collaps",
              "settings?\\s+page",
              "components?\\b",
              "widgets?\\b",
              "responsive",
              "mobile\\b"),
          concept("endpoint", "endpoints?\\b", "routes?\\b", "handlers?\\b"),
          concept(
              "account",
              "login",
              "log\\s+in\\b",
              "sign[- ]?(?:up|in)\\b",
              "registration",
              "password\\s+reset",
              "profile\\b"),
          concept(
              "notification",
              "notif",
              "e-?mails?\\b",
              "webhooks?\\b",
              "web\\s+hooks?\\b",
              "slack\\b",
              "sms\\b",
              "alerts?\\b"),
          concept(
              "config-format",
              "ya?ml\\b",
              "toml\\b",
              "config(?:uration)?\\s+files?",
              "env(?:ironment)?\\s+var",
              "dotenv",
              "\\.env\\b"),
          concept(
              "speed",
              "slow",
              "faster",
              "speed\\s+up",
              "startup\\s+time",
              "start-up\\s+time",
              "lazy[- ]?load",
              "n\\+1",
              "load(?:s|ing)?\\s+(?:too\\s+)?slow",
              "too\\s+long\\b",
              "takes?\\s+(?:too\\s+)?long\\b"),
          concept(
              "streaming-io",
              "stream\\b",
              "streams\\b",
              "in\\s+memory\\b",
              "into\\s+memory",
              "into\\s+ram",
              "buffer(?:ing)?\\s+entire"),
          concept(
              "time",
              "timezones?\\b",
              "time\\s+zones?",
              "utc\\b",
              "dates?\\b",
              "timestamps?\\b",
              "date\\s+format"),
          concept(
              "packaging",
              "helm",
              "charts?\\b",
              "package\\s+(?:it|for)\\b",
              "release\\s+(?:workflow|script)",
              "cross-?compil",
              "builds\\b"),
          concept("automation", "automat", "scripts?\\b", "tooling\\b", "release\\s+process"),
          concept(
              "dev-setup",
              "docker",
              "containeri[sz]",
              "docker-compose",
              "local\\s+dev",
              "dev(?:elopment)?\\s+environment",
              "devcontainer"));

  // Work that spans systems or carries risk: security, concurrency, data, architecture.
  private static final List<WeightedPattern> COMPLEX =
      List.of(
          concept(
              "authentication",
              "authenticat",
              "auth\\b",
              "oauth",
              "jwt",
              "sso\\b",
              "saml\\b",
              "openid",
              "single\\s+sign",
              "two-factor",
              "2fa\\b",
              "mfa\\b",
              "multi-factor",
              "access\\s+tokens?",
              "refresh\\s+tokens?",
              "tokens?\\b",
              "sessions?\\b",
              "credentials?\\b"),
          concept(
              "authorisation",
              "authori[sz]",
              "permissions?\\b",
              "roles?\\b",
              "rbac\\b",
              "role-based",
              "access\\s+control",
              "acl\\b",
              "privilege"),
          concept(
              "security",
              "security",
              "secure\\b",
              "vulnerab",
              "cve-",
              "exploit",
              "(?:sql|code|command|script|html|ldap|xml|template|header|log|shell)\\s+injection",
              "sqli\\b",
              "xss\\b",
              "csrf\\b",
              "xsrf\\b",
              "cross-site",
              "brute[- ]?force",
              "rate[- ]?limit",
              "throttl",
              "sanitiz",
              "sanitis",
              "escap",
              "html\\s+encoded",
              "passwords?\\s+(?:hash|stor|encrypt|leak|expos|in\\s+plain)",
              "(?:hash\\w*|encrypt\\w*|stor\\w*)\\s+(?:the\\s+|user\\s+)?passwords?",
              "plain\\s*text",
              "hash(?:ing|ed)?\\b",
              "secrets?\\b"),
          concept(
              "cryptography",
              "encrypt",
              "decrypt",
              "crypto",
              "end-to-end\\s+encrypt",
              "e2ee?\\s+(?:message|encrypt)",
              "tls\\b",
              "ssl\\b",
              "certificates?\\b",
              "signatures?\\b"),
          concept(
              "sandboxing",
              "sandbox",
              "untrusted",
              "arbitrary\\s+code",
              "code\\s+execution",
              "(?:process|execution|code)\\s+isolation"),
          concept(
              "concurrency",
              "concurren",
              "race\\s+conditions?",
              "races?\\b",
              "deadlock",
              "thread[- ]?safe",
              "threads?\\b",
              "multi-?thread",
              "mutex",
              "locks?\\b",
              "locking",
              "synchroni[sz]",
              "atomic"),
          concept(
              "asynchrony",
              "async",
              "await\\b",
              "parallel",
              "background\\s+(?:jobs?|tasks?|process(?:es|ing)?|workers?|queue)",
              "queues?\\b",
              "workers?\\b",
              "schedul",
              "job\\s+queue",
              "celery",
              "sidekiq"),
          concept(
              "distribution",
              "distributed",
              "clusters?\\b",
              "clustering",
              "nodes\\b",
              "replica",
              "replicat",
              "shard",
              "partition",
              "consensus",
              "raft\\b",
              "leader\\s+election",
              "failover",
              "high\\s+availability",
              "horizontal",
              "multiple\\s+instances",
              "stateless",
              "load\\s+balanc",
              "micro-?services?",
              "service\\s+mesh",
              "message\\s+(?:queue|broker|bus)",
              "kafka",
              "rabbitmq"),
          concept(
              "storage",
              "postgres",
              "mysql",
              "sqlite",
              "mongo",
              "redis\\b",
              "rdbms",
              "back-?ends?\\b",
              "orm\\b",
              "raw\\s+sql",
              "schemas?\\b",
              "data\\s+model",
              "storage",
              "persist"),
          concept(
              "data-integrity",
              "transactions?\\b",
              "transactional",
              "rollback",
              "roll\\s+back",
              "write-ahead",
              "wal\\b",
              "recover",
              "data\\s+loss",
              "corrupt",
              "durab",
              "fsync",
              "(?:data|eventual|strong|read|write)\\s+consisten",
              "inconsisten\\w*\\s+(?:data|state)",
              "event\\s+sourc",
              "cqrs\\b",
              "versioning",
              "version\\s+history",
              "audit\\s+(?:log|trail)",
              "backups?\\b"),
          concept("migration", "migrat", "port\\s+(?:the\\s+)?\\w+\\s+(?:from|to)\\b", "porting"),
          concept(
              "architecture",
              "architect",
              "redesign",
              "monolith",
              "event[- ]driven",
              "plugins?\\b",
              "extension\\s+system",
              "extensib",
              "dependency\\s+injection",
              "global\\s+(?:state|variables?)",
              "globals\\b",
              "singleton",
              "abstraction",
              "decoupl",
              "modulari[sz]",
              "layer\\b"),
          concept(
              "restructuring",
              "refactor",
              "restructur",
              "rewrit",
              "rework",
              "overhaul",
              "split\\s+(?:the\\s+)?[\\w-]+\\s+into",
              "splitting",
              "convert",
              "re-?implement"),
          concept(
              "language-port",
              "(?:in|to|into)\\s+(?:rust|go|golang|typescript|ts|kotlin|swift|c\\+\\+|python\\s*3)\\b",
              "python\\s*2",
              "typescript\\b",
              "upgrade\\s+to\\b",
              "upgrading\\s+to\\b",
              "react\\s+\\d",
              "vue\\s+\\d",
              "angular\\s+\\d",
              "webpack",
              "vite\\b"),
          concept(
              "performance",
              "optimi[sz]",
              "performance",
              "scalab",
              "scaling\\b",
              "throughput",
              "latency",
              "bottleneck",
              "memory\\s+(?:leak|usage|corruption)",
              "leak",
              "use[- ]after[- ]free",
              "double\\s+free",
              "buffer\\s+overflow",
              "segfault",
              "segmentation\\s+fault",
              "core\\s*dump",
              "garbage\\s+collect",
              "gc\\b",
              "out\\s+of\\s+memory",
              "oom\\b"),
          concept(
              "infrastructure",
              "ci/cd\\b",
              "ci\\s+pipeline",
              "pipelines?\\b",
              "kubernetes",
              "k8s\\b",
              "terraform",
              "infrastructure",
              "autoscal"),
          concept(
              "observability",
              "observability",
              "tracing",
              "opentelemetry",
              "otel\\b",
              "telemetry",
              "monitoring",
              "instrument"),
          concept(
              "api-paradigm",
              "graphql",
              "grpc\\b",
              "api\\s+gateway",
              "language\\s+server",
              "lsp\\b"),
          concept(
              "platform-support",
              "windows\\b",
              "macos\\b",
              "linux\\b",
              "arm\\b",
              "arm64\\b",
              "aarch64\\b",
              "platforms?\\b",
              "android\\b",
              "ios\\b",
              "browsers?\\b"),
          concept(
              "multi-user",
              "multi-?tenan",
              "tenants?\\b",
              "multi-?users?\\b",
              "multiple\\s+users",
              "multi-?workspace",
              "workspaces?\\b",
              "organi[sz]ations?\\b"),
          concept(
              "internationalisation",
              "internationali[sz]",
              "locali[sz]ation",
              "i18n\\b",
              "l10n\\b",
              "multilingual",
              "accessib",
              "a11y\\b",
              "screen\\s+readers?",
              "keyboard\\s+(?:navigation|accessibility)"),
          concept(
              "real-time",
              "real[- ]?time",
              "websocket",
              "web\\s+sockets?",
              "socket\\.io",
              "server-sent",
              "live\\s+(?:updates?|collaboration)",
              "push\\s+notifications?",
              "collaborat",
              "crdt\\b",
              "pub/?sub\\b",
              "offline",
              "sync\\b",
              "syncing"),
          concept(
              "payments",
              "payments?\\b",
              "billing",
              "checkout",
              "subscriptions?\\b",
              "stripe\\b",
              "paypal"),
          concept(
              "editor-core",
              "undo",
              "redo\\b",
              "hot[- ]?reload",
              "without\\s+(?:a\\s+)?restart",
              "compiler\\b",
              "interpreter",
              "query\\s+language",
              "type\\s+system"),
          concept(
              "system-scale",
              "engine\\b",
              "framework\\b",
              "subsystem",
              "sdk\\b",
              "core\\b",
              "(?:whole|entire)\\s+(?:app|application|project|system|codebase|repo|site|ui|api|platform|program)\\b",
              "everything",
              "all\\s+the\\s+things",
              "infrastructure\\s+for"),
          concept("integration", "integrat", "third-party", "elasticsearch", "providers?\\b"));

  // The task's form: length, leading verb, what it names.
  private static final List<WeightedPattern> CUES =
      List.of(
          // One to three words. (The repetition need not be possessive: with fewer rounds the
          // next word is left before the end, so the engine's retries always fail; written so,
          // the keyword matcher reads it.)
          cue("terse", "^\\W*+\\w++(?:\\W++\\w++){0,2}\\W*+$"),
          cue("long", "^\\W*+\\w++(?:\\W++\\w++){9}"),
          cue("starts-with-fix", "^\\W*+(?:bug\\s*)?fix(?:e[sd]|ing)?\\b", "^\\W*+hotfix\\b"),
          cue(
              "starts-with-add",
              "^\\W*+(?:add|added|adds|adding|create|created|implement|implemented|introduce"
                  + "|allow|enable|support|provide|new)\\b"),
          cue(
              "starts-with-remove",
              "^\\W*+(?:remove|removed|removes|delete|drop|dropped|clean|cleanup|get\\s+rid)\\b"),
          cue(
              "starts-with-change",
              "^\\W*+(?:update|updated|updates|change|changed|adjust|increase|decrease|set|use"
                  + "|replace|make|move|correct|improve|tweak)\\b"),
          cue(
              "starts-with-chore",
              "^\\W*+(?:chore|docs?|ci|build|style|doc)\\b",
              "^\\W*+\\[?(?:docs?|doc)\\]"),
          cue("starts-with-feat", "^\\W*+feat(?:ure)?\\b"),
          cue("question", "\\?\\s*+$", "^\\W*+(?:how|is|are|can|does|do|why|what|should)\\b"),
          cue(
              "names-a-symbol",
              "(?-i:[a-z]+[A-Z][A-Za-z0-9]*)",
              "(?-i:[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)",
              "[a-z0-9]+_[\\w]+",
              "\\w+\\(\\)",
              "\\w+\\.\\w+\\(",
              "`"),
          cue("names-a-version", "v?\\d+\\.\\d+", "v\\d+\\b"),
          cue("instead-of", "instead\\s+of", "rather\\s+than"),
          cue(
              "scale-words",
              "all\\b",
              "every\\b",
              "everywhere",
              "various",
              "multiple\\b",
              "several"),
          cue("quoted", "[\"'][^\"'\\s]"));

  private static final Map<String, List<String>> DOMAINS = domains();

  private static Map<String, List<String>> domains() {
    Map<String, List<String>> d = new LinkedHashMap<>();
    d.put(
        "frontend",
        trusted(
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
        trusted(
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
        trusted(
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
        trusted(
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
          trusted(
              "across",
              "throughout",
              "codebase",
              "(?:whole|entire)\\s+(?:app|application|project|system|codebase|repo|site|ui|api|platform|program)\\b",
              "all\\s+(?:the\\s+)?(?:services|modules|components|endpoints|pages|packages|apis|"
                  + "controllers|repositories|microservices|forms|files)\\b",
              "every\\s+(?:service|module|component|endpoint|page|package|form)\\b",
              "system-wide",
              "app-wide",
              "project-wide",
              "globally"),
          ScopeEstimate.SINGLE_FILE,
          trusted(
              // Starts only where no name character precedes, so a long run of '-' or '.' is
              // scanned once, not once per character.
              "(?<![\\w.-])[\\w-]++(?:\\.[\\w-]++)++(?<=\\.(?:py|js|jsx|ts|tsx|java|kt|go|rb|rs|c"
                  + "|h|cc|cpp|hpp|cs|php|swift|scala|md|rst|txt|json|yml|yaml|toml|ini|cfg|xml|html"
                  + "|css|scss|sh|sql|dart|lua|ex|exs|vue))(?![\\w-])",
              "this\\s+file",
              "(?:in|of)\\s+(?:the|this|one)\\s+(?:file|function|method)\\b",
              "readme",
              "single\\s+file",
              "one\\s+file"));

  private static List<String> trusted(String... patterns) {
    WeightedPattern.trust(patterns);
    return List.of(patterns);
  }

  /** The built-in vocabulary with every weight 0: the features the learning step weighs. */
  static final ComplexityRules VOCABULARY =
      new ComplexityRules(
          Map.of(Complexity.SIMPLE, SIMPLE, Complexity.MEDIUM, MEDIUM, Complexity.COMPLEX, COMPLEX),
          CUES,
          Map.of(),
          DOMAINS,
          SCOPE,
          documentationCues(),
          trusted(
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
          trusted("review", "quality", "secur"),
          new ComplexityRules.Thresholds(
              0, SIMPLE_BELOW, COMPLEX_AT_LEAST, 0, 0, 0, MEDIUM_SIGNAL_CAP, 10, 0));

  /** The built-in rules: the vocabulary with the learned weights of {@value #WEIGHTS}. */
  static final ComplexityRules RULES = weighted(VOCABULARY, readWeights());

  /**
   * The vocabulary with weights: every concept, cue and threshold weight must be there (a weights
   * file that lags the vocabulary is an error, not zeros); every {@code word:} and {@code lead:}
   * entry becomes a word weight.
   */
  static ComplexityRules weighted(ComplexityRules vocabulary, Map<String, Double> w) {
    // Loops, not streams: this runs once per process, before the JIT has compiled anything.
    Map<Complexity, List<WeightedPattern>> keywords = new EnumMap<>(Complexity.class);
    for (Map.Entry<Complexity, List<WeightedPattern>> level : vocabulary.keywords().entrySet()) {
      List<WeightedPattern> rules = new ArrayList<>(level.getValue().size());
      for (WeightedPattern rule : level.getValue()) {
        rules.add(weigh(rule, "keyword:", w));
      }
      keywords.put(level.getKey(), rules);
    }
    List<WeightedPattern> cues = new ArrayList<>(vocabulary.cues().size());
    for (WeightedPattern rule : vocabulary.cues()) {
      cues.add(weigh(rule, "cue:", w));
    }
    Map<String, Double> words = new TreeMap<>();
    for (Map.Entry<String, Double> e : w.entrySet()) {
      if (e.getKey().startsWith(ComplexityRules.WORD)
          || e.getKey().startsWith(ComplexityRules.LEAD)) {
        words.put(e.getKey(), e.getValue());
      }
    }
    ComplexityRules.Thresholds t = vocabulary.thresholds();
    return new ComplexityRules(
        keywords,
        cues,
        words,
        vocabulary.domains(),
        vocabulary.scopeCues(),
        vocabulary.documentationCues(),
        vocabulary.codeWorkCues(),
        vocabulary.reviewCues(),
        new ComplexityRules.Thresholds(
            required(w, "base"),
            t.simpleBelow(),
            t.complexAtLeast(),
            required(w, "cross_module"),
            required(w, "single_file"),
            required(w, "per_extra_domain"),
            t.mediumSignalCap(),
            required(w, "sharpness"),
            required(w, "documentation_only")));
  }

  private static WeightedPattern weigh(WeightedPattern rule, String prefix, Map<String, Double> w) {
    String key = new StringBuilder(prefix).append(rule.concept()).toString();
    return new WeightedPattern(rule.concept(), rule.patterns(), required(w, key));
  }

  private static double required(Map<String, Double> w, String key) {
    Double v = w.get(key);
    if (v == null) {
      throw new IllegalStateException(
          WEIGHTS + " has no weight for " + key + ": regenerate it (see ComplexityTraining)");
    }
    return v;
  }

  /** Every pattern of the built-in rules, for tests. */
  static List<String> allPatterns() {
    List<String> all = new ArrayList<>();
    RULES.keywords().values().forEach(l -> l.forEach(r -> all.addAll(r.patterns())));
    RULES.cues().forEach(r -> all.addAll(r.patterns()));
    RULES.domains().values().forEach(all::addAll);
    RULES.scopeCues().values().forEach(all::addAll);
    all.addAll(RULES.documentationCues());
    all.addAll(RULES.codeWorkCues());
    all.addAll(RULES.reviewCues());
    return all;
  }

  /** The shipped weights; their absence is a broken build, said loudly. */
  static Map<String, Double> readWeights() {
    byte[] bytes;
    try (InputStream in = DefaultComplexityRules.class.getResourceAsStream(WEIGHTS)) {
      if (in == null) {
        throw new IllegalStateException(
            "the built-in complexity weights " + WEIGHTS + " are missing from the classpath");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in weights " + WEIGHTS, e);
    }
    return parseWeights(new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * Lines of {@code key TAB weight}; '#' lines and blank lines are skipped. Read by hand, not with
   * a reader and a split: this runs once per process, before the JIT has compiled anything.
   */
  static Map<String, Double> parseWeights(String text) {
    Map<String, Double> w = new HashMap<>();
    int n = text.length();
    int line = 0;
    while (line < n) {
      int end = text.indexOf('\n', line);
      if (end < 0) {
        end = n;
      }
      int tab = text.indexOf('\t', line);
      if (text.charAt(line) != '#' && tab > line && tab < end) {
        int valueEnd = end > tab && text.charAt(end - 1) == '\r' ? end - 1 : end;
        w.put(text.substring(line, tab), weight(text, tab + 1, valueEnd));
      } else if (text.charAt(line) != '#' && !text.substring(line, end).isBlank()) {
        throw new IllegalStateException(
            WEIGHTS + ": not key TAB weight: " + text.substring(line, end));
      }
      line = end + 1;
    }
    return w;
  }

  /**
   * A weight as the file writes it ({@code -0.123}): thousandths divided by 1000, which is the
   * double nearest the decimal, as {@link Double#parseDouble} gives; any other form is parsed so.
   */
  private static double weight(String text, int from, int to) {
    int i = from;
    boolean negative = i < to && text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long units = 0;
    int decimals = -1;
    for (; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.' && decimals < 0) {
        decimals = 0;
      } else if (c >= '0' && c <= '9' && decimals < 3 && units < 1_000_000_000L) {
        units = units * 10 + (c - '0');
        decimals += decimals >= 0 ? 1 : 0;
      } else {
        return Double.parseDouble(text.substring(from, to));
      }
    }
    if (decimals != 3) {
      return Double.parseDouble(text.substring(from, to));
    }
    double v = units / 1000.0;
    return negative ? -v : v;
  }
}
