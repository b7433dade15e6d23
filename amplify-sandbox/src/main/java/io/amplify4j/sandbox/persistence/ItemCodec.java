package io.amplify4j.sandbox.persistence;

import io.amplify4j.sandbox.dynamodb.AttributeValue;
import io.amplify4j.sandbox.dynamodb.Mutation;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The binary form of items and mutations on disk: exact (numbers as DynamoDB's text, binary as bytes, every type
 * kept, map and set order kept) and compact. Strings are a length and UTF-8 bytes, so the 400 KB item limit is no
 * problem (unlike {@code DataOutput.writeUTF}'s 64 KB).
 */
final class ItemCodec {
    private static final byte S = 1;
    private static final byte N = 2;
    private static final byte B = 3;
    private static final byte BOOL_TRUE = 4;
    private static final byte BOOL_FALSE = 5;
    private static final byte NULL = 6;
    private static final byte M = 7;
    private static final byte L = 8;
    private static final byte SS = 9;
    private static final byte NS = 10;
    private static final byte BS = 11;

    private static final byte PUT = 1;
    private static final byte DELETE = 2;

    private ItemCodec() {}

    /** One journal record: the mutations of one operation, applied together or not at all. */
    static byte[] encodeMutations(List<Mutation> mutations) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(mutations.size());
            for (Mutation mutation : mutations) {
                writeString(out, mutation.table());
                writeMap(out, mutation.key());
                if (mutation.item().isPresent()) {
                    out.writeByte(PUT);
                    writeMap(out, mutation.item().get());
                } else {
                    out.writeByte(DELETE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Mutation> decodeMutations(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Mutation> mutations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String table = readString(in);
            Map<String, AttributeValue> key = readMap(in);
            byte kind = in.readByte();
            mutations.add(switch (kind) {
                case PUT -> new Mutation(table, key, Optional.of(readMap(in)));
                case DELETE -> Mutation.delete(table, key);
                default -> throw new IOException("unknown mutation kind " + kind);
            });
        }
        return mutations;
    }

    static void writeMap(DataOutputStream out, Map<String, AttributeValue> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
            writeString(out, entry.getKey());
            writeValue(out, entry.getValue());
        }
    }

    static Map<String, AttributeValue> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(readString(in), readValue(in));
        }
        return map;
    }

    private static void writeValue(DataOutputStream out, AttributeValue value) throws IOException {
        if (value instanceof AttributeValue.S s) {
            out.writeByte(S);
            writeString(out, s.value());
        } else if (value instanceof AttributeValue.N n) {
            out.writeByte(N);
            writeString(out, n.text());
        } else if (value instanceof AttributeValue.B b) {
            out.writeByte(B);
            writeBytes(out, b.bytes());
        } else if (value instanceof AttributeValue.Bool bool) {
            out.writeByte(bool.value() ? BOOL_TRUE : BOOL_FALSE);
        } else if (value instanceof AttributeValue.Null) {
            out.writeByte(NULL);
        } else if (value instanceof AttributeValue.M m) {
            out.writeByte(M);
            writeMap(out, m.value());
        } else if (value instanceof AttributeValue.L l) {
            out.writeByte(L);
            out.writeInt(l.value().size());
            for (AttributeValue element : l.value()) {
                writeValue(out, element);
            }
        } else if (value instanceof AttributeValue.SS ss) {
            out.writeByte(SS);
            out.writeInt(ss.value().size());
            for (String element : ss.value()) {
                writeString(out, element);
            }
        } else if (value instanceof AttributeValue.NS ns) {
            out.writeByte(NS);
            out.writeInt(ns.value().size());
            for (BigDecimal element : ns.value()) {
                writeString(out, new AttributeValue.N(element).text());
            }
        } else {
            AttributeValue.BS bs = (AttributeValue.BS) value;
            out.writeByte(BS);
            out.writeInt(bs.value().size());
            for (AttributeValue.B element : bs.value()) {
                writeBytes(out, element.bytes());
            }
        }
    }

    private static AttributeValue readValue(DataInputStream in) throws IOException {
        byte type = in.readByte();
        switch (type) {
            case S:
                return new AttributeValue.S(readString(in));
            case N:
                return new AttributeValue.N(new BigDecimal(readString(in)));
            case B:
                return new AttributeValue.B(readBytes(in));
            case BOOL_TRUE:
                return new AttributeValue.Bool(true);
            case BOOL_FALSE:
                return new AttributeValue.Bool(false);
            case NULL:
                return new AttributeValue.Null();
            case M:
                return new AttributeValue.M(readMap(in));
            case L: {
                int size = in.readInt();
                List<AttributeValue> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue(in));
                }
                return new AttributeValue.L(list);
            }
            case SS: {
                int size = in.readInt();
                Set<String> set = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    set.add(readString(in));
                }
                return new AttributeValue.SS(set);
            }
            case NS: {
                int size = in.readInt();
                Set<BigDecimal> set = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    set.add(new BigDecimal(readString(in)));
                }
                return new AttributeValue.NS(set);
            }
            case BS: {
                int size = in.readInt();
                Set<AttributeValue.B> set = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    set.add(new AttributeValue.B(readBytes(in)));
                }
                return new AttributeValue.BS(set);
            }
            default:
                throw new IOException("unknown attribute type " + type);
        }
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > Frames.MAX_RECORD_BYTES) {
            throw new IOException("bad length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
