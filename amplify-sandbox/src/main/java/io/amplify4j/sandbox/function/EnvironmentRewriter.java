package io.amplify4j.sandbox.function;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Points a handler class's calls of {@code System.getenv(String)} and {@code System.getenv()} at
 * {@link LambdaEnvironment}, so that a function loaded from its artifact reads its own environment variables (the
 * definition's, Lambda's reserved ones, those the sandbox injects) while it runs in the sandbox's process, whose
 * real environment cannot be changed.
 *
 * <p>The change is the smallest the class file format allows: two constant pool entries are appended (the name
 * and the class {@code LambdaEnvironment}) and the {@code Methodref}s for {@code java/lang/System.getenv} are made
 * to name that class instead. Nothing else moves: no index changes, no bytecode is touched, method references
 * ({@code System::getenv}) follow along because they point at the same {@code Methodref}. A class without such a
 * call comes back unchanged.
 */
final class EnvironmentRewriter {
    static final String TARGET = "io/amplify4j/sandbox/function/LambdaEnvironment";
    private static final byte[] MARKER = "getenv".getBytes(StandardCharsets.US_ASCII);

    private EnvironmentRewriter() {}

    /** The class file with its {@code System.getenv} calls redirected; the same array when it has none. */
    static byte[] rewrite(byte[] classFile) {
        if (!contains(classFile, MARKER)) {
            return classFile;
        }
        try {
            return redirect(classFile);
        } catch (RuntimeException e) {
            // Not a class file we understand: define it as it is (the JVM reports a broken one its own way).
            return classFile;
        }
    }

    private static byte[] redirect(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != 0xCAFEBABE) {
            return bytes;
        }
        in.getShort();
        in.getShort();
        int count = Short.toUnsignedInt(in.getShort());
        int[] tags = new int[count];
        int[] offsets = new int[count];
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = Byte.toUnsignedInt(in.get());
            tags[i] = tag;
            offsets[i] = in.position();
            switch (tag) {
                case 1 -> {
                    int length = Short.toUnsignedInt(in.getShort());
                    byte[] text = new byte[length];
                    in.get(text);
                    // Modified UTF-8; the names compared here are plain ASCII, so this decoding is enough.
                    utf8[i] = new String(text, StandardCharsets.UTF_8);
                }
                case 3, 4 -> in.position(in.position() + 4);
                case 5, 6 -> {
                    in.position(in.position() + 8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.position(in.position() + 2);
                case 9, 10, 11, 12, 17, 18 -> in.position(in.position() + 4);
                case 15 -> in.position(in.position() + 3);
                default -> throw new IllegalArgumentException("Unknown constant pool tag " + tag);
            }
        }
        int poolEnd = in.position();
        Set<Integer> systemClasses = new HashSet<>();
        Set<Integer> getenvSignatures = new HashSet<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 7 && "java/lang/System".equals(utf8[u2(bytes, offsets[i])])) {
                systemClasses.add(i);
            } else if (tags[i] == 12 && "getenv".equals(utf8[u2(bytes, offsets[i])])) {
                String descriptor = utf8[u2(bytes, offsets[i] + 2)];
                if ("(Ljava/lang/String;)Ljava/lang/String;".equals(descriptor)
                        || "()Ljava/util/Map;".equals(descriptor)) {
                    getenvSignatures.add(i);
                }
            }
        }
        byte[] out = bytes.clone();
        int redirectedClass = count + 1;
        boolean changed = false;
        for (int i = 1; i < count; i++) {
            if (tags[i] == 10 && systemClasses.contains(u2(bytes, offsets[i]))
                    && getenvSignatures.contains(u2(bytes, offsets[i] + 2))) {
                out[offsets[i]] = (byte) (redirectedClass >>> 8);
                out[offsets[i] + 1] = (byte) redirectedClass;
                changed = true;
            }
        }
        if (!changed) {
            return bytes;
        }
        if (count + 2 > 0xFFFF) {
            return bytes;
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream(bytes.length + 64);
        try (DataOutputStream data = new DataOutputStream(result)) {
            data.write(out, 0, 8);
            data.writeShort(count + 2);
            data.write(out, 10, poolEnd - 10);
            data.writeByte(1);
            data.writeUTF(TARGET);
            data.writeByte(7);
            data.writeShort(count);
            data.write(out, poolEnd, out.length - poolEnd);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return result.toByteArray();
    }

    private static int u2(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
