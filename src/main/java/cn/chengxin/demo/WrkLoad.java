package cn.chengxin.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One phase of HTTP load driven by <a href="https://github.com/wg/wrk">wrk</a> (C, epoll, a few threads): the load
 * generator shares the server's 2 cores, and a Java generator of 48 blocking threads took a fifth to a quarter of
 * the JVM's CPU (47–70 µs per request) that the server would otherwise have had. wrk keeps each connection busy
 * back to back (a closed loop, as the department systems that wait for each answer are) and reports its own figures
 * from a Lua {@code done} hook; its CPU time is read from the shell that ran it.
 */
final class WrkLoad {

    /** The Lua script of every phase: the request (fixed, or a check of a random resident) and the figures out. */
    private static final String SCRIPT = """
            -- Written by ChecksBenchCommand: one phase of the check benchmark.
            -- args: method, path, bearer key, [file of identity numbers, purpose]
            local prepared
            local counter = 1
            setup = function(thread)
              thread:set("id", counter)
              counter = counter + 1
            end
            init = function(args)
              wrk.method = args[1]
              wrk.path = args[2]
              wrk.headers["Authorization"] = "Bearer " .. args[3]
              if args[4] then
                -- Requests are formatted before the clock starts, so that the load generator spends its CPU on
                -- sending and receiving: PREPARED checks of numbers drawn at random, then sent in random order.
                local numbers = {}
                for line in io.lines(args[4]) do numbers[#numbers + 1] = line end
                wrk.headers["Content-Type"] = "application/json"
                math.randomseed(os.time() * 1000 + id)
                prepared = {}
                for i = 1, math.min(PREPARED, #numbers) do
                  prepared[i] = wrk.format(nil, nil, nil, '{"subjectNumber":"' .. numbers[math.random(#numbers)]
                      .. '","scenario":"LICENSING","purpose":"' .. args[5] .. '"}')
                end
                request = function()
                  return prepared[math.random(#prepared)]
                end
              end
            end
            done = function(summary, latency, requests)
              io.write(string.format("wrk-result requests=%d duration_us=%d non2xx=%d connect=%d read=%d "
                  .. "write=%d timeout=%d p50_us=%d p99_us=%d\\n", summary.requests, summary.duration,
                  summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
                  summary.errors.timeout, latency:percentile(50), latency:percentile(99)))
            end
            """;

    /** What one phase did: answers (of any status), answers other than 2xx/3xx, broken connections, timing, CPU. */
    record Result(long requests, long non2xx, long socketErrors, double seconds, double p50Ms, double p99Ms,
                  double cpuSeconds) {

        double perSecond() {
            return requests / seconds;
        }

        long errors() {
            return non2xx + socketErrors;
        }
    }

    /** Checks formatted per wrk thread before a phase: enough distinct subjects to spread over the indexes. */
    private static final int PREPARED_CHECKS = 50_000;

    private final Path script;
    private final String baseUrl;
    private final int threads;
    private final int connections;

    private WrkLoad(Path script, String baseUrl, int threads, int connections) {
        this.script = script;
        this.baseUrl = baseUrl;
        this.threads = threads;
        this.connections = connections;
    }

    /** wrk against {@code baseUrl} with {@code connections} keep-alive connections over {@code threads} threads. */
    static WrkLoad of(Path workDir, String baseUrl, int threads, int connections) throws IOException {
        Files.createDirectories(workDir);
        Path script = workDir.resolve("bench-checks.lua");
        Files.writeString(script, SCRIPT.replace("PREPARED", Integer.toString(PREPARED_CHECKS)),
                StandardCharsets.UTF_8);
        return new WrkLoad(script, baseUrl, threads, Math.max(threads, connections));
    }

    /** Whether wrk can be run here (bench/checks.sh installs it). */
    static boolean installed() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code GET path} with the key, the same request every time. */
    Result get(String path, String key, int seconds) throws IOException, InterruptedException {
        return run(seconds, List.of("GET", path, key));
    }

    /** {@code POST path} of a check of a random identity number from {@code numbers} (one per line). */
    Result check(String path, String key, Path numbers, String purpose, int seconds)
            throws IOException, InterruptedException {
        return run(seconds, List.of("POST", path, key, numbers.toString(), jsonAscii(purpose)));
    }

    /**
     * The text as JSON string content in ASCII ({@code \\uXXXX} beyond it): a command-line argument survives
     * whatever character set the JVM's locale gives its arguments.
     */
    static String jsonAscii(String text) {
        StringBuilder out = new StringBuilder(text.length() * 6);
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private Result run(int seconds, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                // The shell reaps wrk, so the CPU of the shell's children is wrk's.
                "wrk \"$@\"; code=$?; echo \"shell-stat $(cat /proc/$$/stat)\"; exit $code",
                "sh", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "30s",
                "-s", script.toString(), baseUrl, "--"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        Map<String, Long> figures = new HashMap<>();
        double cpu = Double.NaN;
        for (String line : output.split("\n")) {
            if (line.startsWith("wrk-result ")) {
                for (String pair : line.substring("wrk-result ".length()).trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    figures.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                }
            } else if (line.startsWith("shell-stat ")) {
                cpu = CpuClock.Stat.parse(line.substring("shell-stat ".length())).childrenNanos() / 1e9;
            }
        }
        if (code != 0 || !figures.containsKey("requests")) {
            throw new IOException("wrk failed (exit " + code + "): " + output);
        }
        return new Result(figures.get("requests"), figures.get("non2xx"),
                figures.get("connect") + figures.get("read") + figures.get("write") + figures.get("timeout"),
                figures.get("duration_us") / 1e6, figures.get("p50_us") / 1e3, figures.get("p99_us") / 1e3, cpu);
    }
}
