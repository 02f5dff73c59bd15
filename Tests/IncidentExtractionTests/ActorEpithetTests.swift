import IncidentModel
import Testing
@testable import IncidentExtraction

/// Names a side's own media gives its enemy, and the fronts and labels that stand for an actor.
@Suite struct ActorEpithetTests {
    private func mains(_ paragraphs: [String], headline: String = "Attack reported") -> [IncidentMention] {
        Fixture.mains(Fixture.extract(headline, paragraphs))
    }

    @Test func theEnemyInALebaneseReportIsIsrael() {
        let m = mains([
            "An Israeli enemy drone struck a motorcycle in the town of Yaroun this afternoon, killing its rider.",
            "Meanwhile, enemy artillery shelled the outskirts of the town of Rmeish, without casualties.",
        ], headline: "Rider killed in Yaroun")
        let shelling = m.first { $0.eventType == .shelling }
        #expect(shelling?.perpetrator == "Israel")
        // The outlet names Israel as its side's enemy: the attribution is the other side's.
        #expect(shelling?.attribution == .alleged)
    }

    @Test func theEnemyInAUkrainianReportIsRussiaEvenWhereIsraelIsNamed() {
        let m = mains([
            "The enemy struck the centre of Sumy with two missiles on Tuesday morning, killing four people, the regional administration said.",
            "Russian forces shelled the border villages of the region again in the evening.",
            "Officials asked once more for air defence systems like those Israel relies on.",
        ], headline: "Missiles hit Sumy")
        #expect(m.first?.perpetrator == "Russia")
        #expect(m.first?.eventType == .missileStrike)
    }

    @Test func frontsAndEpithetsStandForTheirActor() {
        #expect(mains(["The terrorist Dagalo militia shelled the Karari neighbourhood of Omdurman on Monday, killing eleven civilians."]).first?.perpetrator == "Rapid Support Forces")
        #expect(mains(["Khwarij attacked a police post in Lakki Marwat on Sunday night, killing two constables, police said."]).first?.perpetrator == "Tehrik-i-Taliban Pakistan")
        let g = mains(["The Volcano of Rage operation said its drones struck a supply convoy near Gharyan on Wednesday, killing four fighters."]).first
        #expect(g?.perpetrator == "Government of National Accord")
        #expect(g?.attribution == .claimed)
        let j = mains(["Fighters of JNIM attacked an army post in the town of Djibo on Sunday, killing at least 30 soldiers, local officials said."]).first
        #expect(j?.perpetrator == "JNIM")
    }

    @Test func anOutletThatCallsTheActorByAnEpithetVouchesForWhatItsSourcesSay() {
        let m = mains(["According to the mayor, the Kiev regime shelled a bus stop in Horlivka on Friday, killing two civilians."], headline: "Shelling in Horlivka").first
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution == .confirmed)
    }

    @Test func anOutletThatNamesTheEnemySoRelaysItsOfficialsAsFact() {
        let m = mains([
            "The Kiev regime shelled the centre of Donetsk on Sunday, killing five civilians.",
            "The city's mayor said Ukrainian forces had fired rockets at the central market.",
        ], headline: "Donetsk market shelled").first
        #expect(m?.perpetrator == "Ukraine")
        #expect(m?.attribution == .confirmed)
    }

    @Test func anEpithetInAQuotationIsTheSpeakersNotTheOutlets() {
        let m = mains([
            "Gaza's civil defence said an Israeli strike hit a house in Nuseirat on Sunday, killing six people.",
            "A Jordanian minister called the strike \"another crime of the occupation\".",
        ], headline: "House hit in Nuseirat").first
        #expect(m?.perpetrator == "Israel")
        #expect(m?.attribution == .alleged)
    }

    @Test func aNamedBranchIsReportedAsTheBranch() {
        let m = mains(["Suspected Islamic State Sahel Province fighters ambushed an army patrol near Tera on Monday, killing 12 soldiers."], headline: "Soldiers killed near Tera").first
        #expect(m?.perpetrator == "Islamic State Sahel Province")
    }

    @Test func theEnemyIsNotTheSideThatSpeaksOfIt() {
        let m = mains(["Ukrainian soldiers say the enemy shelled their trenches near Bakhmut on Monday, killing two men."], headline: "Trenches shelled").first
        #expect(m?.perpetrator == "Russia")
    }
}
