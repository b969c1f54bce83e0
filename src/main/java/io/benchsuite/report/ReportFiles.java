package io.benchsuite.report;

import io.benchsuite.report.model.Pair;

/** The report's file names, relative to {@code <out>/report/}; the original tool's names, plus index.html. */
public final class ReportFiles {

    public static final String REPORT_FOLDER = "report";
    public static final String PARAMETERS = "parameters.json";
    public static final String THRESHOLDS = "thresholds.csv";
    public static final String MODEL_CARD = "README.md";
    public static final String INDEX = "index.html";
    public static final String INGESTION_GRAPH = "prompt_ingestion_graph.png";
    public static final String INGESTION_DATA = "data/prompt_ingestion_graph_data.json";
    public static final String TOTAL_SPEED_GRAPH = "total_speed_generation_graph.png";
    public static final String TOTAL_SPEED_DATA = "data/total_speed_generation_graph_data.json";
    public static final String KV_FOLDER = "kv_cache_profile";
    public static final String SPEED_FOLDER = "speed_generation";

    private ReportFiles() {}

    public static String speedGraph(Pair pair) {
        return SPEED_FOLDER + "/speed_generation_graph_" + pair.fileSuffix() + ".png";
    }

    public static String speedData(Pair pair) {
        return SPEED_FOLDER + "/data/speed_generation_graph_data_" + pair.fileSuffix() + ".json";
    }

    public static String kvGraph(Pair pair) {
        return KV_FOLDER + "/graph_kv_cache_profile_" + pair.fileSuffix() + ".png";
    }

    /** New: the original drew the KV graphs without a data file. */
    public static String kvData(Pair pair) {
        return KV_FOLDER + "/data/graph_kv_cache_profile_data_" + pair.fileSuffix() + ".json";
    }
}
