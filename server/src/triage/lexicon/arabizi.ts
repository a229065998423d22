import type { LexiconPart } from "./lexicon.js";

// Arabic (Darija, Hassaniya, Algerian) as young people type it on phones: Latin letters, with digits for
// the sounds Latin lacks (3 ع, 7 ح, 9 ق, 5 خ, 8 غ) and the article glued on ("lflouka", "l7rig").
// Verbs are listed whole, never as stems: Darija negates a verb by its ending ("darbouh", they beat him;
// "ma darbouhch", they did not), and a stem would read the negated form as the deed.

const TAKE = "khdaw|5daw|khdao|5dao|khadou|5adou|daw|ddaw|chddo|chaddo|hbsou|7bsou|7absou";
const TO_US = "lia|liya|lina|lih|liha|lihom";
const PAPERS = "lpasspor*|passpor*|lpaspor*|paspor*|lbasbor*|basbor*|lwra9|lwraq|lwra9i|lwra9na|lkarta|passeport*";
const HAS = "3endo|3ando|3ndo|3endha|3ndha|3endhom|3ndhom";
const OURS = "dyali|diali|dyalna|dialna|dyalhom|dialhom|dyalo|dialo";
const CHILDREN = "drari|ddrari|dri|wlad|lwlad|sghar|s8ar|tfal|latfal";
const WORKING =
  "khdam|khdama|khdamin|kaykhdem|kaykhdmo|kankhdem|kankhdmo|tankhdem|nkhdem|khdemt|khdmt|khdemna|khdmna|khddam|khddamin";
const PAID = "khlas|lkhlas|ojra|lojra|ajr|lajr";

export const arabizi: LexiconPart = {
  // "machi" (not) before a word; "ma kaynch" (there is no) carries its negation on "kaynch"; "ma fih" (there
  // is no) is a pair, since "ma" alone is French for "my".
  negators: [
    "machi",
    "mashi",
    "kaynch",
    "kaynach",
    "kaynech",
    "kainch",
    "kaynsh",
    "makaynch",
    "makaynach",
    "makainch",
    "mafih",
    "mafihch",
    "mafich",
    "mafish",
    "fihch",
  ],
  negatorPairs: ["ma fih", "ma fiha", "ma fihom", "ma kayn", "ma kain", "ma kan"],
  // "machi l" is also "going to": "machi l spania" is a journey, not a negation.
  falseNegations: ["machi l", "machi lel", "machi ila"],
  scopeBreakers: ["w", "wa", "walakin", "walaken", "lakin", "bl7a9", "bal7a9"],
  phrases: {
    danger: [
      "f 5atar",
      "fi 5atar",
      "f khatar",
      "fi khatar",
      "f l5atar",
      "f lkhatar",
      "fl5atar",
      "flkhatar",
      "5atar 3la 7yathom",
      "khatar 3la 7yathom",
      "5atar 3la 7yato",
      "3tqouna",
      "3t9ouna",
      "3te9ouna",
      "ghadi ymoto",
      "8adi ymoto",
      "ghadi ymoutou",
    ],
    now: ["llila", "ellila", "had|hadi llila|lila|lyla|llil|lil", "daba daba", "tawa tawa", "had ssa3a|sa3a"],
    // Matched so that "the night that passed" and "every night" are not read as tonight.
    earlier_time: ["llila|lila lli|li fatet|dazet|daazt", "lbar7|lbare7|lbareh f llil|lil"],
    ongoing: [
      "mazal*",
      "mazel*",
      "ba9i|baqi khdam|khdama|kankhdem|3endhom|m3ahom",
      "kol|koll|kul nhar|youm|yom|lila|llila|lil",
      "7ta|hta lyoum|lyom|lyouma",
    ],
    boat: ["flouka", "lflouka", "floukat", "lfloukat", "lbabor", "lbato", "lbatou"],
    fishing_boat: ["flouka|lflouka|lbabor dyal|dial|d l7out|lhout|sayd"],
    departure: [
      "ghadi|8adi|ghad|8ad|bghaw ykhrjo|y5rjo|ykhorjo|yrkbo|yrakbo|ynatl9o|tkhrej|t5rej|tkhroj|t5roj|tnatl9",
      "kharja|5arja|kharjin|5arjin",
    ],
    smuggling: [
      "harraga",
      "hrig",
      "7rig",
      "l7rig",
      "lhrig",
      "7arraga|l7arraga|7raga|l7raga|7arga|l7arga",
      "y7argo|y7ergo|n7arg|n7erg|7argo|7ergo",
    ],
    captivity: [
      "m7bous|m7bousin|m7bousa|m7bousine|ma7bous|ma7bousin|ma7bousa|mahbous|mahbousin|mahbousa",
      "7absinhom|7absinha|7absinna|habsinhom",
      "7bsouna|7absouna|7bsouhom|7absouhom|7bsouh|7absouh|hbsouhom|hbsouna",
      "m5touf|m5toufin|m5toufa|mkhtouf|mkhtoufin|mkhtoufa",
      "5tfouh|5tfouhom|5tfouha|khtfouh|khtfouhom|khtfouha",
      "msdoud|mseddoud|m9foul|mqfoul|msakkar|msekker 3lihom|3lina|3lih|3liha",
      "kaykhalliwhomch|kaykhaliwhomch|kaykhalliwnach|kaykhaliwnach ykhrjo|y5rjo|nkhrjo|n5rjo",
    ],
    ransom: [
      // Not "fidya" alone: it is also the alms for a missed fast.
      "fidya|lfidya bach|bash|bch ytl9ouh|ytl9ouhom|ytl9ouha|ytl9ou",
      "tlbo|tlbou|talbin|kaytalbo flous|lflous mn|men l3a2ila|l3ayla|lfamilia|lfamila|darhom|ahlhom",
    ],
    violence: [
      "darbouh|drbouh|darbouha|drbouha|darbouhom|drbouhom|darbouna|drbouna|darbouni|drbouni",
      "kaydarbouh|kaydarbouhom|kaydarbouna|kayderbouhom|kaydrbouhom|taydarbouhom",
      "3adbouh|3dbouh|3adbouhom|3dbouhom|3adbouna|3dbouna|m3adbin|m3dbin|t3dib|ta3dib",
      "ghtasbouha|8tasbouha|ghtasbha|8tasbha",
      "9tlouh|9etlouh|qtlouh|9tlouhom|9tlouha",
    ],
    begging: ["sa3aya|ssa3aya|kaysa3iw|kaysa3i|msa3yin"],
    domestic_servitude: ["khddama|lkhddama|khaddama|lkhaddama|khddamat|lkhddamat|bonniya|lbonniya|bonniyat"],
    slavery: ["l3bid|3bid|l3boudiya|3boudiya|l3oboudiya"],
    forced_labour: [
      "kaykhddmouh|kaykhdmouh|kaykhddmouhom|kaykhdmouhom|khddmouh|khddmouhom|khdmouhom bzz|bzzez|bzez|bezz",
      "khdma|lkhdma|khedma|lkhedma bzz|bzzez|bzez|bezz",
    ],
    // Not "9wada": it is everyday slang for a mess.
    sexual_exploitation: ["da3ara|dda3ara|lda3ara"],
    forced_marriage: ["zwjouha|zawjouha|zewjouha bzz|bzzez|bezz|bzez|sghira|s8ira|ghasban|8asban"],
    trafficking_term: ["tijara|ttijara|tijarat f|fi|dyal lbachar|lbashar|bnadem"],
    deception: [
      "kdbo|kdbou|kedbo|kadbo 3lih|3lihom|3lina|3liha|3liya",
      "ghadrouh|8adrouh|ghadrouhom|ghadrouna",
      "w3douh|w3douhom|w3douna|wa3douhom|wa3douna bkhdma|bkhedma|blkhdma|b5dma",
    ],
    threats: ["hddouh|hddouhom|hddouna|hddedouh|hddedouhom|hddedouna|kayhddouh|kayhddouhom|kayhddouna|tahdid|ttahdid"],
    debt: ["kridi|lkridi|dyoun|ddyoun dyal|dial|d ttri9|tri9|ssfar|l7rig"],
    papers_taken: [`${TAKE} ${PAPERS}`, `${TAKE} ${TO_US} ${PAPERS}`, `${HAS} ${PAPERS} ${OURS}`],
    wages_withheld: [
      `bla|blach ${PAID}|m9abil|mqabil`,
      `${WORKING} batel|fabor`,
      `${WORKING} bla flous`,
      "khallsounach|khalsounach|khlsounach|khalsouhomch|khallsouhomch|khalsounich|khallsounich|khalsouhch|kaykhalsounach|kaykhallsounach|kaykhalsouhomch",
      `3tawnach|3tawhomch|3tawnich|3tawhch|kay3tiwnach|kay3tiwhomch flous|lflous|${PAID}`,
    ],
    minor: ["3mro|3amro|3omro|3mrha|3omrha|3amrha|3mrhom|3omrhom #"],
    unaccompanied_child: [
      `${CHILDREN} bo7dhom|bou7dhom|bo7do|bou7do|bo7dha|bou7dha|wa7dhom`,
      `${CHILDREN} bla|bdoun walidin|lwalidin|walidihom|waldihom|familia|l3a2ila|l3ayla`,
    ],
    weapon: [
      "sla7",
      "slah",
      "msal7in",
      "msl7in",
      "mselhin",
      "jenwi*",
      "jnwi*",
      "lmous",
      "kabous|lkabous",
      "mokahla|lmokahla|mkahla|lmkahla",
    ],
  },
};
