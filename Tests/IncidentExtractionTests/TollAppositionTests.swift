import IncidentModel
import Testing
@testable import IncidentExtraction

/// Tolls whose subject is described in an apposition, figures repeated in digits, and
/// military-speak for killing.
@Suite struct TollAppositionTests {
    private func main(_ paragraphs: [String]) -> IncidentMention? {
        Fixture.mains(Fixture.extract("Attack reported", paragraphs, reference: "2024-04-13")).first
    }

    @Test func anAppositionWithAgesLeavesTheFigureTheSubjects() {
        let m = main(["Two civilians, a 67-year-old man and his 64-year-old wife, were killed when a guided bomb hit their house in Vovchansk on Friday afternoon."])
        #expect(m?.killed == 2)
    }

    @Test func aFigureRepeatedInDigitsIsOneFigure() {
        let m = main(["Troops ambushed insurgents near Damboa on Thursday. In the aftermath of the encounter, eleven (11) terrorists were neutralised while several others escaped."])
        #expect(m?.killed == 11)
        let j = main(["The command's initial assessment is that the airstrike near Jilib on Monday killed three (3) terrorists."])
        #expect(j?.killed == 3)
    }

    @Test func aClaimsStatedReasonLeavesItTheNewsDay() {
        let a = Fixture.extract("Jets strike Khiam after rocket barrage", [
            "Israeli jets struck Hezbollah sites in the southern Lebanese town of Khiam on Tuesday afternoon, the military said.",
            "Hezbollah took responsibility for the attack, saying in a statement that its fighters had targeted the settlement of Kiryat Shmona with Katyusha rockets in response to Israeli strikes on southern villages.",
        ], reference: "2024-02-20")
        let rockets = Fixture.mains(a).first { $0.perpetrator == "Hezbollah" }
        #expect(rockets?.date?.description == "2024-02-20")
    }

    @Test func officialsSayingAirDefencesShotDownDronesAreNoPerpetrator() {
        let m = main(["Explosions were heard near Isfahan early on Friday, with Iranian officials saying air defenses had shot down several small drones, while US officials said Israel had carried out a limited strike."])
        #expect(m?.perpetrator == "Israel")
    }

    @Test func aSpeakerTellingItsOwnActStillActs() {
        let m = main(["ISWAP, in a claim published through its news agency, said its fighters killed 15 soldiers near Damboa on Thursday."])
        #expect(m?.perpetrator == "ISWAP")
        #expect(m?.attribution == .claimed)
    }

    @Test func aHabitNamingItsActorLendsItToTheIncidentToldNext() {
        let m = main(["Russian forces continued their shelling of the Kherson region. Two people were killed when a shell hit a bus stop in Bilozerka on Friday, the governor said."])
        #expect(m?.perpetrator == "Russia")
        #expect(m?.place?.name == "Bilozerka")
    }
}
