package io.amplify4j.samples.demo;

import io.amplify4j.model.BackendModel;
import java.io.PrintStream;

/**
 * The main job until the shop sample runs end to end: defines the demo shop, validates it, and prints a summary
 * of what Amplify4j derived from it.
 */
public final class DemoMain {
    private DemoMain() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        out.println("Amplify4j demo: defining the shop backend ...");
        BackendModel model = new DemoShop().define();
        out.println("Definition is valid.");
        out.println();
        DemoReport.print(model, out);
    }
}
