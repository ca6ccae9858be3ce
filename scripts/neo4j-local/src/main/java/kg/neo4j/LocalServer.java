package kg.neo4j;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.Version;
import org.neo4j.server.CommunityBootstrapper;
import picocli.CommandLine;

/**
 * A real Neo4j Community server (Bolt + HTTP + Browser), started in this JVM through Neo4j's own
 * server bootstrapper (the same code path as `neo4j console`), for tests and local development.
 *
 * <pre>
 *   java -cp target/neo4j-local.jar:target/lib/* kg.neo4j.LocalServer --dir DIR [--bolt-port N] [--http-port N] [--host H]
 * </pre>
 *
 * Password: env NEO4J_PASSWORD (default "kg-local-password", at least 8 characters). User: neo4j.
 * Port 0 (the default) means "pick a free port". Layout under DIR:
 *
 * <pre>
 *   conf/neo4j.conf   generated on every start (for reference; the server is configured from it)
 *   data/ logs/ import/ plugins/ run/
 *   state.env         KEY=VALUE lines (shell-sourceable), written once the server accepts connections
 *   state.json        the same as JSON
 * </pre>
 *
 * The state files are deleted when shutdown begins (SIGTERM/SIGINT); the process exits once the
 * databases are closed cleanly.
 */
public final class LocalServer {
    static final String DEFAULT_PASSWORD = "kg-local-password";
    static final String USER = "neo4j";

    public static void main(String[] args) throws Exception {
        Path dir = null;
        String host = "127.0.0.1";
        int boltPort = 0;
        int httpPort = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--dir" -> dir = Path.of(need(args, ++i, a));
                case "--bolt-port" -> boltPort = Integer.parseInt(need(args, ++i, a));
                case "--http-port" -> httpPort = Integer.parseInt(need(args, ++i, a));
                case "--host" -> host = need(args, ++i, a);
                case "-h", "--help" -> {
                    System.out.println(
                            "usage: LocalServer --dir DIR [--bolt-port N] [--http-port N] [--host 127.0.0.1]");
                    return;
                }
                default -> die(2, "unknown argument: " + a);
            }
        }
        if (dir == null) {
            die(2, "--dir DIR is required");
        }
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        if (password.isEmpty()) {
            password = DEFAULT_PASSWORD;
        }
        if (password.codePointCount(0, password.length()) < 8) {
            die(2, "NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)");
        }

        dir = dir.toAbsolutePath().normalize();
        Path conf = dir.resolve("conf");
        Path stateEnv = dir.resolve("state.env");
        Path stateJson = dir.resolve("state.json");
        for (String sub : new String[] {"conf", "data", "logs", "import", "plugins", "run"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.deleteIfExists(stateEnv);
        Files.deleteIfExists(stateJson);

        if (boltPort == 0) {
            boltPort = freePort(host);
        }
        if (httpPort == 0) {
            do {
                httpPort = freePort(host);
            } while (httpPort == boltPort);
        }

        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("server.default_listen_address", host);
        cfg.put("server.default_advertised_address", host);
        cfg.put("server.bolt.enabled", "true");
        cfg.put("server.bolt.listen_address", host + ":" + boltPort);
        cfg.put("server.bolt.advertised_address", host + ":" + boltPort);
        cfg.put("server.bolt.tls_level", "DISABLED");
        cfg.put("server.http.enabled", "true");
        cfg.put("server.http.listen_address", host + ":" + httpPort);
        cfg.put("server.http.advertised_address", host + ":" + httpPort);
        cfg.put("server.https.enabled", "false");
        cfg.put("dbms.security.auth_enabled", "true");
        cfg.put("server.directories.data", dir.resolve("data").toString());
        cfg.put("server.directories.logs", dir.resolve("logs").toString());
        cfg.put("server.directories.import", dir.resolve("import").toString());
        cfg.put("server.directories.plugins", dir.resolve("plugins").toString());
        cfg.put("server.directories.run", dir.resolve("run").toString());
        // Small footprint: the heap is set by the launcher (-Xmx); keep the page cache small too.
        cfg.put("server.memory.pagecache.size", env("KG_NEO4J_PAGECACHE", "256m"));
        cfg.put("db.tx_log.rotation.retention_policy", "100M size");
        cfg.put("dbms.usage_report.enabled", "false");
        cfg.put("server.logs.gc.enabled", "false");
        // Netty's default 2 x 5 s "quiet period" makes every stop take >= 10 s; the databases are
        // already checkpointed and closed by then, so skip it (pinned 5.26.x internal settings).
        cfg.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        cfg.put("internal.dbms.bolt.netty_server_shutdown_timeout", "5s");

        StringBuilder confText = new StringBuilder(
                "# Generated by kg.neo4j.LocalServer on every start; edits are overwritten.\n");
        cfg.forEach((k, v) -> confText.append(k).append('=').append(v).append('\n'));
        Path confFile = conf.resolve("neo4j.conf");
        writeAtomically(confFile, confText.toString());

        // First start only: create the initial user with the password (like
        // `neo4j-admin dbms set-initial-password`), so the default neo4j/neo4j never exists.
        boolean firstStart = !Files.exists(dir.resolve("data/databases/system"));
        if (firstStart) {
            int rc = new CommandLine(new SetInitialPasswordCommand(new ExecutionContext(dir, conf)))
                    .execute(password);
            if (rc != 0) {
                die(1, "setting the initial password failed (exit code " + rc + ")");
            }
        }

        CommunityBootstrapper server = new CommunityBootstrapper();
        // Installs SIGTERM/SIGINT handlers (-> System.exit(0)) and a shutdown hook that closes the
        // databases cleanly, exactly like the packaged server.
        int rc = server.start(dir, confFile, Map.of(), false, false);
        if (rc != 0) {
            die(rc, "Neo4j failed to start (code " + rc + "); see " + dir.resolve("logs"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(stateEnv);
                Files.deleteIfExists(stateJson);
            } catch (IOException ignored) {
                // best effort
            }
        }, "kg-local-state-cleanup"));

        if (!firstStart) {
            // A later start may come with another NEO4J_PASSWORD: make it the password.
            syncPassword(server, password);
        }

        boolean browser = LocalServer.class.getClassLoader().getResource("browser/index.html") != null;
        long pid = ProcessHandle.current().pid();
        String http = "http://" + host + ":" + httpPort;
        Map<String, String> state = new LinkedHashMap<>();
        state.put("NEO4J_URI", "bolt://" + host + ":" + boltPort);
        state.put("NEO4J_USER", USER);
        state.put("NEO4J_BOLT_PORT", Integer.toString(boltPort));
        state.put("NEO4J_HTTP_PORT", Integer.toString(httpPort));
        state.put("NEO4J_HTTP_URL", http);
        state.put("NEO4J_BROWSER_URL", browser ? http + "/browser/" : "");
        state.put("NEO4J_PID", Long.toString(pid));
        state.put("NEO4J_VERSION", Version.getNeo4jVersion());
        state.put("NEO4J_HOME", dir.toString());
        state.put("NEO4J_STARTED_AT", Instant.now().toString());
        writeState(stateEnv, stateJson, state);

        System.out.println("kg-neo4j-local: ready " + state);
        System.out.flush();
        // Neo4j's threads keep the JVM alive until SIGTERM/SIGINT.
    }

    private static void syncPassword(CommunityBootstrapper server, String password) {
        GraphDatabaseService system = server.getDatabaseManagementService().database("system");
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the same value: nothing to do then.
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("same")) {
                throw e;
            }
        }
    }

    private static void writeState(Path envFile, Path jsonFile, Map<String, String> state) throws IOException {
        StringBuilder env = new StringBuilder();
        StringBuilder json = new StringBuilder("{\n");
        int n = 0;
        for (var e : state.entrySet()) {
            env.append(e.getKey()).append('=').append(shellQuote(e.getValue())).append('\n');
            json.append("  \"").append(e.getKey()).append("\": \"").append(jsonEscape(e.getValue())).append('"');
            json.append(++n < state.size() ? ",\n" : "\n");
        }
        json.append("}\n");
        writeAtomically(jsonFile, json.toString());
        writeAtomically(envFile, env.toString()); // written last: its presence means "ready"
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:@+,=-]*") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return s.getLocalPort();
        }
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    private static String need(String[] args, int i, String opt) {
        if (i >= args.length) {
            die(2, opt + " needs a value");
        }
        return args[i];
    }

    private static void die(int code, String msg) {
        PrintStream err = System.err;
        err.println("kg-neo4j-local: " + msg);
        err.flush();
        System.exit(code);
    }
}
