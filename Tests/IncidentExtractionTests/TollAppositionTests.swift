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
}
