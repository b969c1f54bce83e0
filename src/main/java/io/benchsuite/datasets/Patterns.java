package io.benchsuite.datasets;

import java.util.List;
import java.util.stream.Stream;

/**
 * The sentence patterns of the generated prose, written for this project: a small-town narrative in the past
 * tense, with scene-setting openers and dialogue lines. Slot syntax is described in {@link Template}.
 * {@code hero} and {@code friend} are the two people a prompt follows, {@code town} its town.
 */
final class Patterns {

    /** Sentences that can open a paragraph and set the scene. */
    static final List<Template> OPENERS = parse(
            "{town} is {a adj} town on the {adj} side of the river, known mostly for its {noun.pl}.",
            "{time}, the streets of {town} were quiet.",
            "The {season} came early to {town} that year.",
            "It was {month}, and the {animal.pl} had started to come down from the hills.",
            "Nothing much ever happened at {place}, which was exactly how {hero} liked it.",
            "The {weather} arrived in {town} on {a day} and stayed for {small} days.",
            "{time}, {hero} woke to the sound of {animal.pl} outside the window.",
            "There had been {weather} all week, and everyone in {town} was {feeling}.",
            "Later, {hero} would say that it was the strangest {season} {town} had ever seen.",
            "On {day} the {job} opened {place} an hour late, and nobody ever learned why.",
            "Few people outside {town} have heard of {place}, and fewer still have been inside it.",
            "The first thing {friend} noticed about {town} was the smell of {food}.");

    /** Narrative sentences, past tense. */
    static final List<Template> NARRATIVE = parse(
            "{hero} {move.past} to {place} {time}, carrying {a adj noun} under {hero.his} arm.",
            "The {weather} had not let up since {day}, and {place} was nearly empty.",
            "In {town}, people still talked about the {season} when {small} {animal.pl} got loose in {place}.",
            "{friend} was waiting by the door with {a color noun} and a list of complaints about {topic}.",
            "Nobody in {town} could remember who had first {verb.pp} the {noun} that hung above the door of "
                    + "{place}.",
            "{hero} {verb.past} the {noun#1} {adv}, then set the {noun#1} back where {hero.he} had found it.",
            "It was {few} hundred steps from {place} to the edge of town, and {hero} counted every one of " + "them.",
            "The {job} from {town} arrived {time} with {small} {adj noun.pl} and no explanation.",
            "By the time the {weather} cleared, {friend} had already {verb.pp} half of the {noun.pl}.",
            "{hero} thought about {topic} for a long while and decided it could wait until {day}.",
            "{a adj} smell of {food} drifted out of {place}.",
            "Somewhere behind {place}, {a animal} was making a terrible noise.",
            "{friend} kept {a adj noun} in {friend.his} coat pocket and would not say where it came from.",
            "The road out of {town} ran past {place}, between {material} fences and {color} fields.",
            "{hero} had worked as {a job} for {small} years before coming to {town}.",
            "Every {day}, {friend} {move.past} down to {place} to buy {food} and hear the news.",
            "The {noun.pl} in the window were {color}, and someone had {verb.pp} them with great care.",
            "{hero} felt {feeling} without quite knowing why.",
            "There were {small} dozen {noun.pl} listed in the ledger, though {hero} could only find {small}.",
            "Outside, the {weather} pressed against the windows of {place}.",
            "{friend} laughed so hard that {friend.he} nearly dropped the {noun}.",
            "{hero.his} {noun} was missing, and {hero.he} suspected {friend} at once.",
            "The {season} in {town} was {adj} and short that year.",
            "{hero} {move.past} {adv} across {place}, stopping only to look at {a adj noun}.",
            "The {animal.pl} followed {hero} all the way to {place}.",
            "Nobody answered when {hero} knocked, so {hero.he} left the {noun} on the step with a note.",
            "The note said only that {friend} would be back by {day}.",
            "There was a rumor in {town} that {topic} would be settled before {season}.",
            "{friend} swore that {friend.he} had seen {a adj animal} near {place} {time}.",
            "{hero} and {friend} spent the rest of {day} {verb.ing} {noun.pl} in {place}.",
            "The bell at {place} rang {small} times and then stopped.",
            "Half of {town} turned out to watch the {noun.pl} being unloaded at {place}.",
            "The price of {food} had gone up again, and {friend} blamed {topic}.",
            "{hero} found {a adj noun} wedged behind the stove, covered in dust.",
            "For {small} weeks the {weather} stayed, and the {animal.pl} grew thin and restless.",
            "No one had {verb.pp} {a noun} like that in {town} since the {season} of the great {weather}.",
            "{friend} wrote a number on the back of {friend.his} hand and said nothing more about it.",
            "From {place} you could see the whole of {town}, the {color} roofs and the {adj} river beyond.",
            "{hero} had promised to {verb} the {noun} before {day}, and {hero.he} meant to keep that promise.",
            "The {noun#1} was far too heavy to carry, so they left the {noun#1} at {place}.",
            "{hero} spent the last of {hero.his} coins on {food} and regretted it almost immediately.",
            "Nobody could explain why the {noun.pl} at {place} had turned {color} overnight.",
            "{friend} {gesture} and went back to {verb.ing} the {noun.pl}.",
            "By evening the whole street smelled of {food} and {weather}.",
            "{hero} tried to {verb} the {noun} {adv}, but it would not cooperate.",
            "Down at {place}, {a job} was arguing with {a job} about {topic}.",
            "There is a saying in {town} that {a adj noun} is worth {small} {adj noun.pl}.",
            "{hero} waited until the {weather} passed, then {move.past} out to {place} alone.",
            "The map showed {place} in the wrong spot, which explained a great deal.",
            "{name}, {a job} who lived three doors down, kept {small} {animal.pl} in the yard.",
            "{name} had once {verb.pp} {a adj noun} for the mayor of {town}, or so {name.he} claimed.",
            "{hero} could not stop thinking about the {adj} {noun} {friend} had shown {hero.him}.",
            "The {season} fair came and went, and {hero} did not win a single prize.",
            "{friend} was {feeling} and did not try to hide it.",
            "Everyone at {place} had an opinion about {topic}, and most of them were wrong.",
            "The clock at {place} said {small} o'clock, though it had said that for years.",
            "{hero} paid the {job} and {move.past} home through the {weather}.",
            "Some of the {noun.pl} were {color}, some were {color}, and one was simply {adj}.",
            "{friend} had a habit of {verb.ing} things that did not need it.",
            "{hero.he} {verb.past} the last of the {noun.pl} and sat down, {feeling} and a little dizzy.",
            "{a animal} watched them from the roof of {place} with great suspicion.",
            "No train had stopped in {town} since {month}, but the {job} still swept the platform.",
            "In the {adj} light, the {small} {noun.pl} on the table looked almost {adj}.",
            "{hero} wrapped the {noun} in {material} cloth and tied it with string.",
            "More than {few} hundred people signed the petition about {topic}.",
            "The {job}'s daughter {verb.past} {a adj noun} and sold it at {place} for a good price.",
            "{friend} and {name} had not spoken since the quarrel about {topic}.",
            "{hero} read the letter {small} times before putting it in the drawer with the {noun.pl}.",
            "The {adj} {material} door of {place} creaked open, and {a animal} wandered in.",
            "It had taken the {job.pl} of {town} most of {month} to {verb} the {noun.pl}.",
            "{friend} {move.past} ahead while {hero} stayed behind to {verb} the {noun}.",
            "Nobody at {place} would admit to having {verb.pp} the {noun}.",
            "Once a year the {job.pl} of {town} gathered at {place} to complain about {topic}.",
            "{hero} kept a list of every {noun} {hero.he} had ever {verb.pp}, and the list was long.",
            "The {weather} turned the road to {town} into a river of {color} mud.",
            "{friend} never trusted {a job} who owned more than {small} {noun.pl}.",
            "A child at {place} was {verb.ing} {a adj noun} with enormous seriousness.",
            "{hero} {gesture}, picked up the {noun} and {move.past} off toward {place}.",
            "The {noun.pl} had been {verb.pp} so many times that nobody remembered their original color.",
            "It was the kind of {season} afternoon when even the {animal.pl} of {town} seemed {feeling}.");

    /** Things people say: statements, without final punctuation (the dialogue frame adds it). */
    static final List<Template> STATEMENTS = parse(
            "I left the {noun} at {place}",
            "we should go before the {weather} comes",
            "you promised to {verb} the {noun.pl} by {day}",
            "there are {small} {animal.pl} in the garden again",
            "nobody in {town} knows how to {verb} {a noun} properly",
            "I have been {verb.ing} {noun.pl} since {day}",
            "it is far too {adj} to go out today",
            "the {job} says {topic} will be decided on {day}",
            "I would rather eat cold {food} than talk about {topic}",
            "my {noun} is {color}, not {color}",
            "put the {noun} down and listen to me",
            "if the {weather} holds off, we can reach {town} by {day}",
            "I only need {small} more {noun.pl}",
            "you always say that",
            "it was not my fault, whatever the {job} told you",
            "the {animal.pl} got into the {noun.pl} again",
            "I saw {name} at {place} this morning",
            "keep the {noun}, I have {small} more at home",
            "we have {small} {noun.pl} and nowhere to put them",
            "the {adj} one is mine",
            "that {noun} belonged to my grandmother",
            "I am not going back to {place} in this {weather}",
            "somebody has been {verb.ing} the {noun.pl} while we were out",
            "{town} was never this {adj} when I was young",
            "the {job} at {place} owes me {small} favors",
            "I think it will be {weather} by tonight",
            "leave it, I will {verb} it myself");

    /** Questions people ask, without the question mark. */
    static final List<Template> QUESTIONS = parse(
            "where did you put the {noun}",
            "have you seen {name} anywhere",
            "did you {verb} the {noun.pl} already",
            "how many {noun.pl} do we need",
            "why is the {noun} {color}",
            "what time does {place} open on {day}",
            "is it true about {topic}",
            "who told you that",
            "can you {verb} this before the {weather} starts",
            "would you like some {food}",
            "do you think {name} will ever come back to {town}",
            "what would the {job} say",
            "is that {a noun} or {a noun}",
            "since when do you care about {topic}",
            "are you sure this is the way to {place}",
            "how long have the {animal.pl} been in there",
            "what happened to your {noun}");

    /** Dialogue lines: {S} is a statement, {Q} a question, {sp} the speaker. */
    static final List<Template> DIALOGUE = parse(
            "\"{S},\" {sp} {said}.",
            "\"{S},\" {said} {sp}.",
            "\"{Q}?\" {sp} {asked}.",
            "\"{Q}?\"",
            "\"{S}.\"",
            "{sp} {gesture}. \"{S}.\"",
            "{sp} looked at the {noun} for a long moment. \"{Q}?\"",
            "\"{S}!\" {sp} {said}.",
            "\"{S},\" {sp} {said}, and {gesture}.",
            "\"{Q}?\" asked {sp}, without looking up from the {noun.pl}.",
            "\"Well,\" {sp} {said}, \"{S}.\"",
            "\"{S}. {Q}?\"");

    private Patterns() {}

    private static List<Template> parse(String... patterns) {
        return Stream.of(patterns).map(Template::parse).toList();
    }
}
