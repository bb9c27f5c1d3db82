package cn.chengxin.shared.jdbc;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Encoding;
import org.postgresql.core.Oid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parameter's bytes are the driver's own binary {@code varchar[]} for the same {@code String[]}. */
class VarcharArrayTests {

    private static final String[] PARTS = {"", "a", "API_CLIENT", "c0ffee00-1234-4567-89ab-0123456789ab", "信用", "联合惩戒",
            "\"", "\\", ",", "{}", " ", "NULL", "é", "😀", "\uD83D", "\uDE00", "\u0000", "\r\n", "招标投标 REF-1"};

    @Test
    void writesTheDriversBinaryArrayForRandomArrays() throws Exception {
        Random random = new Random(47);
        for (int round = 0; round < 20_000; round++) {
            String[] values = randomArray(random, true);
            assertThat(bytesOf(VarcharArray.of(values))).as("array %d", round).isEqualTo(driverBytes(values));
        }
    }

    @Test
    void anEmptyArrayAndAllNullsAreTheDriversToo() throws Exception {
        for (String[] values : new String[][] {{}, {null}, {null, null, ""}, {""}}) {
            assertThat(bytesOf(VarcharArray.of(values))).isEqualTo(driverBytes(values));
        }
    }

    @Test
    void isSentAsAVarcharArray() throws Exception {
        assertThat(VarcharArray.of(new String[] {"a"}).getType()).isEqualTo("_varchar");
    }

    @Test
    void itsTextIsTheDriversArrayLiteral() throws Exception {
        Random random = new Random(48);
        for (int round = 0; round < 5_000; round++) {
            String[] values = randomArray(random, false);
            assertThat(VarcharArray.of(values).getValue()).as("array %d", round).isEqualTo(driverLiteral(values));
        }
    }

    @Test
    void isNeverReadBack() {
        assertThatThrownBy(() -> VarcharArray.of(new String[0]).setByteValue(new byte[0], 0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static String[] randomArray(Random random, boolean loneSurrogates) {
        String[] values = new String[random.nextInt(30)];
        for (int i = 0; i < values.length; i++) {
            if (random.nextInt(8) == 0) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(5); k > 0; k--) {
                String part = PARTS[random.nextInt(PARTS.length)];
                if (loneSurrogates || (part.length() != 1 || !Character.isSurrogate(part.charAt(0)))) {
                    text.append(part);
                }
            }
            values[i] = text.toString();
        }
        return values;
    }

    private static byte[] bytesOf(VarcharArray array) {
        byte[] bytes = new byte[array.lengthInBytes() + 3];
        array.toBytes(bytes, 3); // at an offset, as the driver may place it
        return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
    }

    private static byte[] driverBytes(String[] values) throws Exception {
        Object encoder = encoder(values);
        Method binary = encoderType().getMethod("toBinaryRepresentation", BaseConnection.class, Object.class, int.class);
        binary.setAccessible(true);
        return (byte[]) binary.invoke(encoder, BaseConnectionStub.UTF8, values, Oid.VARCHAR_ARRAY);
    }

    private static String driverLiteral(String[] values) throws Exception {
        Method literal = encoderType().getMethod("toArrayString", char.class, Object.class);
        literal.setAccessible(true);
        return (String) literal.invoke(encoder(values), ',', values);
    }

    private static Object encoder(String[] values) throws Exception {
        Method get = Class.forName("org.postgresql.jdbc.ArrayEncoding").getDeclaredMethod("getArrayEncoder",
                Object.class);
        get.setAccessible(true);
        return get.invoke(null, (Object) values);
    }

    private static Class<?> encoderType() throws ClassNotFoundException {
        return Class.forName("org.postgresql.jdbc.ArrayEncoding$ArrayEncoder");
    }

    /** A connection that answers only what the driver's array encoder asks: its (UTF-8) encoding. */
    private static final class BaseConnectionStub {

        static final BaseConnection UTF8 = (BaseConnection) Proxy.newProxyInstance(
                BaseConnection.class.getClassLoader(), new Class<?>[] {BaseConnection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getEncoding")) {
                        return Encoding.getJVMEncoding("UTF-8");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
