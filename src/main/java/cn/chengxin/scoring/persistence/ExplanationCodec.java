package cn.chengxin.scoring.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.scoring.domain.Contribution;
import cn.chengxin.scoring.domain.Dimension;
import cn.chengxin.scoring.domain.DimensionScore;
import cn.chengxin.scoring.domain.GradeBand;
import cn.chengxin.scoring.domain.ItemPoints;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.scoring.domain.ScoreSheet;

/**
 * A score's explanation as stored: compact bytes relative to the score's model version (a model version never
 * changes once stored), so that the full recompute writes some 35 bytes per contributing record instead of a JSON
 * document the database must parse. Per dimension its points and whether it was capped; per contribution the
 * record key, the item (by its position in the model), the decision date, the weight and the points. Labels, caps
 * and dimensions come back from the model, item titles from the catalogue when read. A not-scored row keeps its
 * reason. Format 1:
 * <pre>
 * scored:     1, dims:u16, dims × (points:i32, capped:u8), n:u16, n × (key:16, item:u16, day:i32, weight:f64, points:i32)
 * not scored: 1, reason:UTF
 * </pre>
 */
final class ExplanationCodec {

    private static final byte FORMAT = 1;

    private final ScoreModel model;
    private final Map<String, Integer> itemPositions = new HashMap<>();

    ExplanationCodec(ScoreModel model) {
        this.model = model;
        List<ItemPoints> items = model.items();
        for (int i = 0; i < items.size(); i++) {
            itemPositions.putIfAbsent(items.get(i).itemCode(), i);
        }
    }

    /** What the bytes stand for; {@code reason} is set when not scored, the lists when scored. */
    record Explanation(String notScoredReason, List<DimensionScore> dimensions, List<Contribution> contributions) {
    }

    /** The label of a grade of the model (null: not one of its grades). */
    String gradeLabel(String grade) {
        return model.grades().stream().filter(g -> g.grade().equals(grade)).map(GradeBand::label).findFirst()
                .orElse(null);
    }

    byte[] encodeScored(List<DimensionScore> dimensions, List<Contribution> contributions) {
        ByteBuffer out = ByteBuffer.allocate(5 + dimensions.size() * 5 + contributions.size() * 34);
        out.put(FORMAT);
        out.putShort((short) dimensions.size());
        for (DimensionScore d : dimensions) {
            out.putInt(d.points());
            out.put((byte) (d.capped() ? 1 : 0));
        }
        out.putShort((short) contributions.size());
        for (Contribution c : contributions) {
            Integer item = itemPositions.get(c.itemCode());
            if (item == null) {
                throw new IllegalArgumentException("item " + c.itemCode() + " is not priced by model "
                        + model.code() + " v" + model.version());
            }
            out.putLong(c.recordKey().getMostSignificantBits());
            out.putLong(c.recordKey().getLeastSignificantBits());
            out.putShort(item.shortValue());
            out.putInt((int) c.decisionDate().toEpochDay());
            out.putDouble(c.weight());
            out.putInt(c.points());
        }
        return out.array();
    }

    /**
     * The position in this model's items of each item a compiled form of the same model version prices
     * ({@link CompiledModel#itemCode}), for {@link #encodeScored(ScoreSheet, int[])}.
     */
    int[] positionsOf(CompiledModel compiled) {
        int[] positions = new int[compiled.items()];
        for (int k = 0; k < positions.length; k++) {
            Integer position = itemPositions.get(compiled.itemCode(k));
            if (position == null) {
                throw new IllegalArgumentException("item " + compiled.itemCode(k) + " is not priced by model "
                        + model.code() + " v" + model.version());
            }
            positions[k] = position;
        }
        return positions;
    }

    /** {@link #encodeScored(List, List)} of the result on a sheet, straight from its numbers. */
    byte[] encodeScored(ScoreSheet sheet, int[] positions) {
        byte[] out = new byte[scoredSize(sheet)];
        encodeScored(sheet, positions, out);
        return out;
    }

    /** The length of the bytes {@link #encodeScored(ScoreSheet, int[])} gives for the result on {@code sheet}. */
    static int scoredSize(ScoreSheet sheet) {
        return 5 + sheet.dimensions() * 5 + sheet.contributions() * 34;
    }

    /**
     * Writes the bytes {@link #encodeScored(ScoreSheet, int[])} gives into {@code into} from its start (it must
     * hold {@link #scoredSize} of them): the full recompute encodes a million explanations into one reused array.
     *
     * @return the length written
     */
    int encodeScored(ScoreSheet sheet, int[] positions, byte[] into) {
        int dims = sheet.dimensions();
        int n = sheet.contributions();
        ByteBuffer out = ByteBuffer.wrap(into);
        out.put(FORMAT);
        out.putShort((short) dims);
        for (int d = 0; d < dims; d++) {
            out.putInt(sheet.dimensionPoints(d));
            out.put((byte) (sheet.dimensionCapped(d) ? 1 : 0));
        }
        out.putShort((short) n);
        for (int c = 0; c < n; c++) {
            out.putLong(sheet.contributionKeyMost(c));
            out.putLong(sheet.contributionKeyLeast(c));
            out.putShort((short) positions[sheet.contributionItem(c)]);
            out.putInt((int) sheet.contributionDay(c));
            out.putDouble(sheet.contributionWeight(c));
            out.putInt(sheet.contributionPoints(c));
        }
        return out.position();
    }

    byte[] encodeNotScored(String reason) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(reason == null ? "" : reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes what {@link #encodeScored} or {@link #encodeNotScored} wrote; titles from {@code titles}. */
    Explanation decode(byte[] stored, boolean scored, Function<String, String> titles) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown explanation format " + format);
            }
            if (!scored) {
                return new Explanation(in.readUTF(), List.of(), List.of());
            }
            List<Dimension> modelDimensions = model.dimensions();
            int dims = in.readUnsignedShort();
            List<DimensionScore> dimensions = new ArrayList<>(dims);
            for (int d = 0; d < dims; d++) {
                Dimension dimension = modelDimensions.get(d);
                dimensions.add(new DimensionScore(dimension.code(), dimension.label(), in.readInt(), dimension.cap(),
                        in.readByte() != 0));
            }
            int n = in.readUnsignedShort();
            List<Contribution> contributions = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                UUID key = new UUID(in.readLong(), in.readLong());
                ItemPoints item = model.items().get(in.readUnsignedShort());
                LocalDate decided = LocalDate.ofEpochDay(in.readInt());
                double weight = in.readDouble();
                int points = in.readInt();
                String title = titles.apply(item.itemCode());
                contributions.add(new Contribution(key, item.itemCode(), title == null ? item.itemCode() : title,
                        item.dimension(), decided, weight, points));
            }
            return new Explanation(null, dimensions, contributions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
