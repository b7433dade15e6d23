package io.amplify4j.cdk.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A project directory holding the function code the fixture backends name: the shop's functions jar
 * ({@code target/shop-functions.jar} with its handler classes), its thumbnails asset folder and its custom resolver
 * handler (copied from the test resources). The class files are
 * placeholders: synthesis only packages them.
 */
public final class FixtureProject {
    private FixtureProject() {}

    /** Writes the shop's function code and custom resolver handler under {@code directory} and returns it. */
    public static Path shop(Path directory) {
        try {
            Path handler = directory.resolve("src/main/js/adjustStock.js");
            Files.createDirectories(handler.getParent());
            Files.copy(Path.of("src/test/resources/shop-project/src/main/js/adjustStock.js"), handler,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jar(directory.resolve("target/shop-functions.jar"), List.of("com.example.shop.RecommendHandler",
                "com.example.shop.RestockHandler", "com.example.shop.PartnerAuthorizer"));
        nodeAsset(directory.resolve("functions/thumbnails"), "index.js");
        return directory;
    }

    /**
     * Writes the AI backend's functions jar ({@code target/ai-functions.jar}: its recommend handler, the library's
     * conversation handler and, as a shaded jar would, Jackson) under {@code directory} and returns it.
     */
    public static Path ai(Path directory) {
        jar(directory.resolve("target/ai-functions.jar"), List.of("com.example.ai.RecommendHandler",
                "io.amplify4j.client.ai.ConversationHandler", "com.fasterxml.jackson.databind.ObjectMapper"));
        return directory;
    }

    /** A jar holding a (placeholder) class file per class name. */
    public static Path jar(Path jar, List<String> classNames) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String className : classNames) {
                    ZipEntry entry = new ZipEntry(className.replace('.', '/') + ".class");
                    entry.setTime(0);
                    zip.putNextEntry(entry);
                    zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An asset folder with one handler file. */
    public static Path nodeAsset(Path folder, String file) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(file), "exports.handler = async () => ({});\n");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
