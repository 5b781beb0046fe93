/**
 * German stop words: articles, pronouns, prepositions, conjunctions, auxiliaries and modal verbs in their
 * inflected forms, common adverbs and particles, and the verbs of saying news reports are full of ("sagte",
 * "teilte … mit", "laut"), as the English list has "said" and "according". natural ships no German list (its German
 * stemmer borrows stopwords-iso's, 620 words that also hold content words such as "jahr", "zeit", "menschen",
 * "uhr"), so this one is written for news text. Lower case, umlauts and ß as written.
 */
export const GERMAN_STOPWORDS: readonly string[] = `
der die das des dem den ein eine einer eines einem einen kein keine keiner keines keinem keinen
ich du er sie es wir ihr mich dich sich uns euch ihn ihm ihnen mir dir
mein meine meiner meines meinem meinen dein deine sein seine seiner seines seinem seinen
ihre ihrer ihres ihrem ihren unser unsere unserer unseres unserem unseren euer eure
dieser diese dieses diesem diesen jener jene jenes jenem jenen welcher welche welches welchem welchen
derselbe dieselbe dasselbe man jemand niemand etwas nichts alle alles allem allen aller jeder jede jedes jedem jeden
und oder aber denn sondern doch sowie sowohl weder noch als wie wenn ob dass daß weil da damit obwohl obgleich
während bevor nachdem seitdem sobald solange bis ehe falls sofern indem
in im an am auf aus bei beim mit nach von vom zu zum zur für über unter vor hinter neben zwischen durch gegen
ohne um ins ans aufs seit bis ab außer gegenüber entlang trotz wegen statt anstatt innerhalb außerhalb laut
binnen samt per pro je via
bin bist ist sind seid war warst waren wart gewesen wäre wären sei seien
habe hast hat haben habt hatte hattest hatten hattet gehabt hätte hätten
werde wirst wird werden werdet wurde wurdest wurden wurdet geworden worden würde würden
kann kannst können könnt konnte konnten könnte könnten muss musst müssen müsst musste mussten müsste müssten
soll sollst sollen sollt sollte sollten will willst wollen wollt wollte wollten mag mögen mochte möchte möchten
darf dürfen durfte durften dürfte
gibt gab gaben gebe gäbe
nicht nie niemals auch noch schon nur sehr so wie mehr weniger viel viele vielen vieles wenig wenige
hier dort da dann denn jetzt nun heute gestern morgen immer wieder bereits etwa rund fast kaum ganz gar
eben ja nein doch mal einmal also zwar jedoch dennoch trotzdem außerdem zudem ebenfalls ebenso sogar bisher
danach dabei dafür dagegen daher darauf daraus darin darüber damit davon dazu deshalb deswegen
hierzu hierbei wo wohin woher wann warum weshalb was wer wen wem wessen welch
sagte sagt sagten sagen gesagt erklärte erklärt erklärten betonte teilte teilt mitteilte hieß heißt hiess
berichtete berichtet berichten meldete meldet zufolge demnach nach angaben
ab bislang inzwischen zunächst zuletzt später früher weiter weitere weiteren weiterer weiteres
andere anderen anderer anderes anderem einige einigen einiger manche manchen mehrere mehreren
beide beiden solche solchen solcher selbst selber allerdings offenbar eigentlich
herr frau dr prof nr
`
  .split(/\s+/)
  .filter((w) => w !== '');
