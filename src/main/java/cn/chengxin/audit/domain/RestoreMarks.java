package cn.chengxin.audit.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The highest numbers the platform had handed out to others (exchange versions, lifted positions, pull cursors, the
 * audit log's size), kept in a small file where a restore of the database does not reach (gaps review xxxiii N2;
 * GB/T 22239-2019 8.1.4.9 backup and recovery). A restored database that is behind them would hand out again numbers
 * that partners and department systems already hold. The file is replaced atomically (written beside it, flushed, then
 * renamed over it), so a crash leaves the old marks or the new ones, never half; and it carries the SM3 of its content,
 * so a damaged or hand-edited file is refused rather than read as lower marks.
 *
 * @param written   when the marks were last written
 * @param marks     by name, the highest number handed out as last seen
 * @param confirmed the names of the restores an operator confirmed against this file (each may be used once)
 */
public record RestoreMarks(Instant written, Map<String, Long> marks, Set<String> confirmed) {

    /** A confirmation names the restore: letters, digits and {@code . _ : -}, as a ticket or a date. */
    public static final Pattern CONFIRMATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private static final Pattern MARK_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");
    private static final String HEADER = "# Chengxin restore marks (README 备份与恢复): the highest numbers handed out to"
            + " others, kept outside the database. Written by the platform; do not edit, do not restore from a backup.";

    public RestoreMarks {
        marks = Collections.unmodifiableMap(new TreeMap<>(marks));
        confirmed = Collections.unmodifiableSet(new TreeSet<>(confirmed));
    }

    /** No marks yet (first start, or no file). */
    public static RestoreMarks none() {
        return new RestoreMarks(Instant.EPOCH, Map.of(), Set.of());
    }

    /** A mark file that cannot be believed: damaged, cut short or edited. */
    public static final class Corrupt extends IOException {
        Corrupt(Path file, String why) {
            super("The restore mark file " + file + " cannot be read (" + why + ")");
        }
    }

    /** One number the database is behind on: it stands at {@code database}, others may hold up to {@code mark}. */
    public record Behind(String name, long database, long mark) {
        @Override
        public String toString() {
            return name + " at " + database + " in the database, " + mark + " handed out before";
        }
    }

    /** These marks, each raised to {@code seen} where that is higher, as written at {@code at}. */
    public RestoreMarks raisedTo(Map<String, Long> seen, Instant at) {
        Map<String, Long> raised = new TreeMap<>(marks);
        seen.forEach((name, value) -> raised.merge(name, value, Math::max));
        return new RestoreMarks(at, raised, confirmed);
    }

    /** The marks after a confirmed restore: what the database now stands at, with the confirmation remembered. */
    public RestoreMarks confirmedAs(String name, Map<String, Long> now, Instant at) {
        Set<String> names = new LinkedHashSet<>(confirmed);
        names.add(name);
        return new RestoreMarks(at, now, names);
    }

    /** The marks {@code database} is below, in name order (a name the database does not give counts as 0). */
    public List<Behind> behind(Map<String, Long> database) {
        List<Behind> behind = new ArrayList<>();
        marks.forEach((name, mark) -> {
            long now = database.getOrDefault(name, 0L);
            if (now < mark) {
                behind.add(new Behind(name, now, mark));
            }
        });
        return List.copyOf(behind);
    }

    /** Reads the file; empty when there is none. */
    public static Optional<RestoreMarks> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        if (last < 0 || !lines.get(last).startsWith("sm3=")) {
            throw new Corrupt(file, "no checksum line at its end: cut short?");
        }
        String body = String.join("\n", lines.subList(0, last)) + "\n";
        if (!lines.get(last).substring(4).strip().equals(sm3(body))) {
            throw new Corrupt(file, "its checksum does not match its content");
        }
        Instant written = null;
        Map<String, Long> marks = new LinkedHashMap<>();
        Set<String> confirmed = new LinkedHashSet<>();
        for (String line : lines.subList(0, last)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            try {
                if (key.equals("written")) {
                    written = Instant.parse(value);
                } else if (key.equals("confirmed")) {
                    for (String name : value.split(",")) {
                        if (!name.isEmpty()) {
                            confirmed.add(name);
                        }
                    }
                } else if (key.startsWith("mark.") && MARK_NAME.matcher(key.substring(5)).matches()) {
                    marks.put(key.substring(5), Long.parseLong(value));
                } else {
                    throw new Corrupt(file, "unknown line '" + key + "'");
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new Corrupt(file, "'" + key + "' does not read");
            }
        }
        if (written == null) {
            throw new Corrupt(file, "no time written");
        }
        return Optional.of(new RestoreMarks(written, marks, confirmed));
    }

    /** Replaces the file atomically: written beside it and flushed, then renamed over it. */
    public void write(Path file) throws IOException {
        StringBuilder body = new StringBuilder(HEADER).append('\n');
        body.append("written=").append(written).append('\n');
        if (!confirmed.isEmpty()) {
            body.append("confirmed=").append(String.join(",", confirmed)).append('\n');
        }
        marks.forEach((name, value) -> body.append("mark.").append(name).append('=').append(value).append('\n'));
        String text = body + "sm3=" + sm3(body.toString()) + "\n";
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sm3(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(in, 0, in.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
