package io.benchsuite.datasets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the prose generator may put in a slot, by word class. Every word was chosen for this project;
 * place and person names are invented or common first names. An entry holds the forms of one word separated
 * by '|' (noun: singular|plural; verb: base|past|ing|third person|past participle; name: name|f or name|m
 * for pronouns), and {@link Template} picks a form by name ({@code .pl}, {@code .past}, {@code .ing},
 * {@code .s}, {@code .pp}, {@code .he}, {@code .him}, {@code .his}).
 *
 * <p>The map is only ever looked up by key, never iterated for generation, so its order cannot leak into the
 * output; a LinkedHashMap keeps even its printout stable.
 */
final class Lexicon {

    private static final Map<String, List<String[]>> CLASSES = build();

    private Lexicon() {}

    /** The entries of a word class, each split into its forms. */
    static List<String[]> entries(String wordClass) {
        List<String[]> entries = CLASSES.get(wordClass);
        if (entries == null) {
            throw new IllegalArgumentException("no word class '" + wordClass + "'");
        }
        return entries;
    }

    static boolean has(String wordClass) {
        return CLASSES.containsKey(wordClass);
    }

    private static Map<String, List<String[]>> build() {
        Map<String, List<String[]>> m = new LinkedHashMap<>();
        m.put(
                "name",
                split(
                        "Mara|f",
                        "Tobias|m",
                        "Elin|f",
                        "Oskar|m",
                        "Hattie|f",
                        "Rufus|m",
                        "Ines|f",
                        "Bram|m",
                        "Lotte|f",
                        "Cyril|m",
                        "Agnes|f",
                        "Felix|m",
                        "Nadia|f",
                        "Hugo|m",
                        "Wren|f",
                        "Silas|m",
                        "Ada|f",
                        "Jonah|m",
                        "Maud|f",
                        "Emil|m",
                        "Priya|f",
                        "Tomas|m",
                        "Beatrix|f",
                        "Anselm|m",
                        "Clara|f",
                        "Dmitri|m",
                        "Ottilie|f",
                        "Leon|m",
                        "Greta|f",
                        "Ambrose|m",
                        "Rosalind|f",
                        "Kofi|m",
                        "Mei|f",
                        "Casimir|m",
                        "Juno|f",
                        "Edwin|m",
                        "Signe|f",
                        "Rafael|m",
                        "Thea|f",
                        "Walter|m",
                        "Zo\u00eb|f",
                        "Jos\u00e9|m",
                        "Ren\u00e9e|f",
                        "Matthias|m",
                        "Imogen|f",
                        "Arlo|m",
                        "Yusuf|m",
                        "Liesel|f",
                        "Quentin|m",
                        "Odile|f"));
        m.put(
                "town",
                split(
                        "Ashford Cross",
                        "Lower Wendle",
                        "Port Sallow",
                        "Kestrel Bay",
                        "Brindlemoor",
                        "Old Corran",
                        "Hollin Vale",
                        "Saltmarch",
                        "Dunmere",
                        "Tiverly",
                        "Fenwick Green",
                        "Castlebrook",
                        "Marrowgate",
                        "Elderby",
                        "Greyhaven",
                        "Wickham Ford",
                        "Stonecrop",
                        "Pellow",
                        "Ravensby",
                        "Linden Halt"));
        m.put(
                "place",
                split(
                        "the harbor",
                        "the old mill",
                        "the library",
                        "the station",
                        "the orchard",
                        "the market square",
                        "the lighthouse",
                        "the ferry landing",
                        "the bakery",
                        "the post office",
                        "the chapel",
                        "the boarding house",
                        "the schoolyard",
                        "the workshop",
                        "the greenhouse",
                        "the tannery",
                        "the bridge",
                        "the customs house",
                        "the signal box",
                        "the hardware store",
                        "the inn",
                        "the town hall",
                        "the allotments",
                        "the boathouse",
                        "the print shop",
                        "the clock tower",
                        "the laundry",
                        "the quarry",
                        "the reading room",
                        "the train yard",
                        "the cellar",
                        "the river path",
                        "the village green",
                        "the fish market"));
        m.put(
                "noun",
                split(
                        "lantern|lanterns",
                        "letter|letters",
                        "map|maps",
                        "basket|baskets",
                        "key|keys",
                        "box|boxes",
                        "knife|knives",
                        "coat|coats",
                        "ledger|ledgers",
                        "kettle|kettles",
                        "bicycle|bicycles",
                        "umbrella|umbrellas",
                        "rope|ropes",
                        "bucket|buckets",
                        "ladder|ladders",
                        "parcel|parcels",
                        "chair|chairs",
                        "clock|clocks",
                        "notebook|notebooks",
                        "blanket|blankets",
                        "jar|jars",
                        "hammer|hammers",
                        "scarf|scarves",
                        "compass|compasses",
                        "suitcase|suitcases",
                        "candle|candles",
                        "photograph|photographs",
                        "wheelbarrow|wheelbarrows",
                        "telescope|telescopes",
                        "spoon|spoons",
                        "violin|violins",
                        "barrel|barrels",
                        "envelope|envelopes",
                        "crate|crates",
                        "mirror|mirrors",
                        "kite|kites",
                        "shovel|shovels",
                        "teapot|teapots",
                        "window|windows",
                        "sign|signs",
                        "radio|radios",
                        "drawer|drawers",
                        "boot|boots",
                        "glove|gloves",
                        "pencil|pencils",
                        "button|buttons",
                        "sack|sacks",
                        "whistle|whistles",
                        "oar|oars",
                        "fence post|fence posts"));
        m.put(
                "animal",
                split(
                        "dog|dogs",
                        "goose|geese",
                        "fox|foxes",
                        "heron|herons",
                        "mule|mules",
                        "cat|cats",
                        "goat|goats",
                        "crow|crows",
                        "hen|hens",
                        "pony|ponies",
                        "sheep|sheep",
                        "owl|owls",
                        "gull|gulls",
                        "hedgehog|hedgehogs",
                        "badger|badgers",
                        "rabbit|rabbits",
                        "donkey|donkeys",
                        "magpie|magpies"));
        m.put(
                "adj",
                split(
                        "old",
                        "narrow",
                        "quiet",
                        "heavy",
                        "bright",
                        "crooked",
                        "damp",
                        "tidy",
                        "enormous",
                        "small",
                        "dusty",
                        "polished",
                        "rusty",
                        "cheerful",
                        "gloomy",
                        "stubborn",
                        "fragile",
                        "handsome",
                        "peculiar",
                        "ordinary",
                        "shabby",
                        "elegant",
                        "sturdy",
                        "noisy",
                        "faded",
                        "patched",
                        "warm",
                        "cold",
                        "borrowed",
                        "forgotten",
                        "expensive",
                        "cheap",
                        "crowded",
                        "empty",
                        "sensible",
                        "careless",
                        "lopsided",
                        "famous",
                        "modest",
                        "splendid",
                        "awkward",
                        "gentle",
                        "clumsy",
                        "ancient",
                        "freshly painted",
                        "half-finished",
                        "well-worn",
                        "unlikely",
                        "brave",
                        "sleepy"));
        m.put(
                "color",
                split(
                        "grey",
                        "blue",
                        "green",
                        "red",
                        "yellow",
                        "brown",
                        "white",
                        "black",
                        "rust-colored",
                        "sea-green",
                        "pale pink",
                        "dark blue",
                        "mustard",
                        "violet",
                        "golden",
                        "silver",
                        "orange"));
        m.put(
                "material",
                split(
                        "oak", "tin", "wool", "linen", "brass", "pine", "canvas", "leather", "copper", "willow", "iron",
                        "cotton", "birch", "felt", "stone"));
        m.put(
                "feeling",
                split(
                        "tired",
                        "relieved",
                        "uneasy",
                        "curious",
                        "cheerful",
                        "nervous",
                        "restless",
                        "hopeful",
                        "annoyed",
                        "content",
                        "puzzled",
                        "proud",
                        "homesick",
                        "amused",
                        "suspicious",
                        "grateful"));
        m.put(
                "job",
                split(
                        "baker|bakers",
                        "ferryman|ferrymen",
                        "clerk|clerks",
                        "schoolteacher|schoolteachers",
                        "carpenter|carpenters",
                        "tailor|tailors",
                        "engineer|engineers",
                        "doctor|doctors",
                        "shepherd|shepherds",
                        "surveyor|surveyors",
                        "printer|printers",
                        "fisherman|fishermen",
                        "postman|postmen",
                        "blacksmith|blacksmiths",
                        "grocer|grocers",
                        "stationmaster|stationmasters",
                        "librarian|librarians",
                        "gardener|gardeners",
                        "watchmaker|watchmakers",
                        "mason|masons"));
        m.put(
                "food",
                split(
                        "bread",
                        "soup",
                        "apples",
                        "cheese",
                        "plums",
                        "tea",
                        "coffee",
                        "honey cake",
                        "onions",
                        "pickled herring",
                        "porridge",
                        "roast chestnuts",
                        "pears",
                        "lentil stew",
                        "oatcakes",
                        "blackberry jam",
                        "fried eggs",
                        "potatoes",
                        "ginger biscuits",
                        "cider"));
        m.put(
                "verb",
                split(
                        "carry|carried|carrying|carries|carried",
                        "mend|mended|mending|mends|mended",
                        "open|opened|opening|opens|opened",
                        "paint|painted|painting|paints|painted",
                        "fold|folded|folding|folds|folded",
                        "sell|sold|selling|sells|sold",
                        "find|found|finding|finds|found",
                        "hide|hid|hiding|hides|hidden",
                        "wrap|wrapped|wrapping|wraps|wrapped",
                        "polish|polished|polishing|polishes|polished",
                        "count|counted|counting|counts|counted",
                        "load|loaded|loading|loads|loaded",
                        "inspect|inspected|inspecting|inspects|inspected",
                        "sketch|sketched|sketching|sketches|sketched",
                        "weigh|weighed|weighing|weighs|weighed",
                        "label|labelled|labelling|labels|labelled",
                        "repair|repaired|repairing|repairs|repaired",
                        "clean|cleaned|cleaning|cleans|cleaned",
                        "sort|sorted|sorting|sorts|sorted",
                        "borrow|borrowed|borrowing|borrows|borrowed",
                        "measure|measured|measuring|measures|measured",
                        "stack|stacked|stacking|stacks|stacked",
                        "deliver|delivered|delivering|delivers|delivered",
                        "buy|bought|buying|buys|bought",
                        "lose|lost|losing|loses|lost",
                        "build|built|building|builds|built",
                        "break|broke|breaking|breaks|broken",
                        "dry|dried|drying|dries|dried",
                        "guard|guarded|guarding|guards|guarded",
                        "return|returned|returning|returns|returned"));
        m.put(
                "move",
                split(
                        "walk|walked|walking",
                        "wander|wandered|wandering",
                        "hurry|hurried|hurrying",
                        "climb|climbed|climbing",
                        "drift|drifted|drifting",
                        "run|ran|running",
                        "ride|rode|riding",
                        "row|rowed|rowing",
                        "stroll|strolled|strolling",
                        "trudge|trudged|trudging",
                        "cycle|cycled|cycling",
                        "limp|limped|limping",
                        "march|marched|marching",
                        "go|went|going"));
        m.put(
                "adv",
                split(
                        "slowly",
                        "carefully",
                        "quietly",
                        "without a word",
                        "at once",
                        "reluctantly",
                        "with great care",
                        "in a hurry",
                        "more or less",
                        "for the second time",
                        "almost cheerfully",
                        "grudgingly",
                        "patiently",
                        "twice over",
                        "in silence"));
        m.put(
                "time",
                split(
                        "that morning",
                        "at dawn",
                        "late in the afternoon",
                        "after supper",
                        "on the third day",
                        "before the rain",
                        "just after noon",
                        "long after dark",
                        "early on a Tuesday",
                        "in the middle of the night",
                        "the following week",
                        "around teatime",
                        "that evening",
                        "the next morning",
                        "on the last day of the fair"));
        m.put("weather", split("rain", "fog", "wind", "snow", "heat", "storm", "drizzle", "frost", "hail", "sleet"));
        m.put("season", split("spring", "summer", "autumn", "winter"));
        m.put(
                "month",
                split(
                        "January",
                        "February",
                        "March",
                        "April",
                        "May",
                        "June",
                        "July",
                        "August",
                        "September",
                        "October",
                        "November",
                        "December"));
        m.put("day", split("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"));
        m.put("few", split("two", "three", "four", "five", "six", "seven", "eight", "nine"));
        m.put(
                "small",
                split("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"));
        m.put(
                "topic",
                split(
                        "the new road",
                        "the price of flour",
                        "the bridge repairs",
                        "the election",
                        "the harvest",
                        "the missing ledger",
                        "the school roof",
                        "the ferry timetable",
                        "the town clock",
                        "the water rates",
                        "the flooded cellar",
                        "the lost dog",
                        "the railway company",
                        "the summer fair",
                        "the quarrel over the orchard",
                        "the broken streetlamp",
                        "the new doctor",
                        "the choir competition",
                        "the fishing quotas",
                        "the rent"));
        m.put(
                "said",
                split(
                        "said",
                        "replied",
                        "answered",
                        "murmured",
                        "called",
                        "admitted",
                        "insisted",
                        "remarked",
                        "muttered",
                        "declared"));
        m.put("asked", split("asked", "wondered aloud", "demanded", "inquired", "asked quietly"));
        m.put(
                "gesture",
                split(
                        "nodded",
                        "shrugged",
                        "laughed",
                        "frowned",
                        "smiled",
                        "sighed",
                        "paused",
                        "looked away",
                        "looked up",
                        "tapped the table",
                        "folded the letter",
                        "glanced at the window"));
        return Collections.unmodifiableMap(m);
    }

    private static List<String[]> split(String... entries) {
        String[][] forms = new String[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            forms[i] = entries[i].split("\\|");
        }
        return List.of(forms);
    }
}
