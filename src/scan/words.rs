//! Word lists of running text, as data: titles that announce a name, ordinary words that are also family names,
//! and glossary forms that are far more often ordinary words than names. Written as text is written; the
//! scanner normalizes them (`search` level) when it is built.

/// Titles and function words after which a name follows (الرئيس X, المتحدث باسم X): the scanner tries unseen
/// spellings (fuzzy matching) only right after one of these, or on capitalized Latin words, and `discover` proposes
/// the unknown names that follow them.
pub(crate) static TITLES: &[&str] = &[
    "الرئيس",
    "رئيس",
    "الرئيسة",
    "رئيسة",
    "رئيس الوزراء",
    "رئيس وزراء",
    "رئيسة الوزراء",
    "رئيس الحكومة",
    "نائب الرئيس",
    "المتحدث باسم",
    "المتحدثة باسم",
    "المتحدث الرسمي باسم",
    "الناطق باسم",
    "الناطقة باسم",
    "المتحدث",
    "الناطق",
    "وزير",
    "وزيرة",
    "الوزير",
    "وزير الخارجية",
    "وزيرة الخارجية",
    "وزير الدفاع",
    "وزير الداخلية",
    "وزير المالية",
    "المتحدث الصحفي باسم",
    "الأمين العام",
    "السفير",
    "السفيرة",
    "المبعوث",
    "الجنرال",
    "المستشار",
    "المستشارة",
    "الزعيم",
    "السيد",
    "السيدة",
    "الشيخ",
    "الشيخة",
    "الملك",
    "الملكة",
    "الأمير",
    "الأميرة",
    "ولي العهد",
    // Eighteenth session: rulers and heads of churches, named by title and given name (السلطان هيثم, البابا لاون).
    "السلطان",
    "البابا",
    "البطريرك",
    "السناتور",
    "النائب",
    "النائبة",
    "الدكتور",
    // Seventeenth session: feminine forms and offices of the news that named nobody before (وقالت النائبة
    // الأمريكية رشيدة طليب).
    "المبعوثة",
    "المدير العام",
    "المديرة العامة",
    "المرشد الأعلى",
    "القائد",
    "قائد",
    "المحافظ",
    "محافظ",
    "القاضي",
    "المدعي العام",
    "المفوض",
    "المفوضة",
    "الممثل الأعلى",
    "رئيس الأركان",
    "عضو الكونغرس",
];

/// Verbs of saying, after which news prose names the speaker (وقال نتانياهو، وأكد بيسكوف): the scanner tries unseen
/// spellings right after one, as after a title (a leading و or ف is read off, as for titles). What follows is as
/// often an ordinary word (قال مسؤول، أكد البيان, which the matcher never reads as a name's misspelling: they are
/// frequent words) or a title (قال الرئيس), which is read on.
pub(crate) static SPEECH_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "أكد",
    "أكدت",
    "أضاف",
    "أضافت",
    "أعلن",
    "أعلنت",
    "صرح",
    "صرحت",
    "أوضح",
    "أوضحت",
    "أشار",
    "أشارت",
    "ذكر",
    "ذكرت",
    "اعتبر",
    "اعتبرت",
    "شدد",
    "شددت",
    "حذر",
    "حذرت",
    "نفى",
    "نفت",
    "دعا",
    "دعت",
];

/// Common words that are also family names (سلام "peace" — Nawaf Salam): the matcher's list, one list for lookups
/// and running text.
pub(crate) use crate::matcher::titles::COMMON_WORDS;

/// English words that are also family names, for Latin text inside Arabic documents (Brown, Bush, May): never a
/// person alone in running text. Lookups still find a person by them (`qamus lookup Bush`).
pub(crate) static LATIN_COMMON_WORDS: &[&str] = &[
    "brown", "bush", "green", "king", "long", "may", "price", "rice", "white", "young",
];

/// Capitalized English words that go on naming a place, or something named after it, after the place's name
/// (Jordan River, Israel Defense Forces, Jordan Times), at the `search` level: after a place that is also a given
/// name, any other capitalized word makes the place a person's given name (Jordan Peterson).
pub(crate) static PLACE_NAME_WORDS: &[&str] = &[
    "air",
    "airlines",
    "airport",
    "airways",
    "armed",
    "army",
    "avenue",
    "bank",
    "basin",
    "bay",
    "border",
    "bridge",
    "central",
    "city",
    "coast",
    "county",
    "crossing",
    "cup",
    "daily",
    "dam",
    "defence",
    "defense",
    "desert",
    "embassy",
    "exchange",
    "federation",
    "football",
    "forces",
    "government",
    "gulf",
    "hills",
    "island",
    "islands",
    "kingdom",
    "lake",
    "league",
    "ministry",
    "mountain",
    "mountains",
    "national",
    "navy",
    "news",
    "oil",
    "police",
    "port",
    "post",
    "province",
    "radio",
    "region",
    "republic",
    "rift",
    "river",
    "road",
    "sea",
    "square",
    "state",
    "stock",
    "strait",
    "street",
    "television",
    "times",
    "today",
    "tribune",
    "tv",
    "university",
    "valley",
];

/// Common English given names (`rules::given`) that are also everyday words: opening a sentence, the capital shows
/// nothing (Will China respond? May the talks go on. Mark the date.), so there they are not read as another person's
/// given name.
pub(crate) static GIVEN_NAMES_THAT_ARE_WORDS: &[&str] = &[
    "amber", "angel", "april", "august", "autumn", "bill", "bob", "chase", "clay", "cliff", "cole",
    "crystal", "dale", "dawn", "dean", "don", "drew", "earl", "faith", "frank", "gale", "gene",
    "glen", "grace", "grant", "guy", "heather", "holly", "hope", "ivy", "jack", "jewel", "joy",
    "june", "lily", "mark", "mason", "may", "melody", "miles", "misty", "pat", "pearl", "penny",
    "ray", "reed", "rob", "rod", "rose", "ruby", "rusty", "sandy", "sterling", "sue", "summer",
    "wade", "will", "young",
];

/// Glossary forms that, alone in running text, are far more often ordinary words than the entity: the Arabic
/// adjective "Arab/Arabic" (العربية — also Al Arabiya), "the island" (الجزيرة — Al Jazeera), "Omani" (العمانية —
/// Oman News Agency), "the Middle East" (الشرق الأوسط — the newspaper; see [`PLACE_SENSES`]), "with us" (بنا —
/// Bahrain News Agency),
/// "the pyramids" (الأهرام), Anatolia (الأناضول), "knight/Persian" (فارس — Fars agency), the feminine adjectives
/// أرمينية and أوكرانية (also older spellings of Armenia and Ukraine), the English word "trend". The longer forms of
/// the same entries (قناة العربية، وكالة الأناضول، جمهورية أرمينيا) are still found.
pub(crate) static AMBIGUOUS_FORMS: &[&str] = &[
    "العربية",
    "الجزيرة",
    "العمانية",
    "الشرق الأوسط",
    "بنا",
    "قنا",
    "الأهرام",
    "الأناضول",
    "فارس",
    "وفا",
    // Older spellings of country names that are, far more often, the feminine adjective: مناطق أرمينية
    // "Armenian regions", قوات أوكرانية "Ukrainian forces". The usual spellings (أرمينيا، أوكرانيا) are found.
    "أرمينية",
    "أوكرانية",
    // Short names of organizations and names of places that are words of every page (tenth session; each was
    // tagged in an ordinary sentence): "opened" (Fatah), "the base, the rule" (al-Qaeda), "the youth" (al-Shabaab),
    // "pictures" (Tyre), "scene" (Mashhad), "destroys" (Palmyra), "the grey" (Ramadi), "stand up" (Qom), "spread"
    // (Sirte), "the venerable" (Galilee; عبد الجليل), "undermining" (النيل من: the Nile), "the suburb" (Beirut's
    // southern suburb), "spots" (the Beqaa), "protectors" (Hama). Their longer forms (حركة فتح، تنظيم القاعدة،
    // مدينة صور، نهر النيل، سهل البقاع) are found.
    "فتح",
    "القاعدة",
    "الشباب",
    "صور",
    "مشهد",
    "تدمر",
    "الرمادي",
    "قم",
    "سرت",
    "الجليل",
    "النيل",
    "الضاحية",
    "البقاع",
    "حماة",
    "trend",
    "guardian",
    "tyre",
    "congress",
];

/// Forms of [`AMBIGUOUS_FORMS`] whose ordinary sense is itself a place: the matcher's list, one list for lookups and
/// running text.
pub(crate) use crate::matcher::titles::PLACE_SENSES;

/// Function words (prepositions, particles, pronouns, demonstratives): never a name alone, whatever a glossary
/// holds (a large or generated glossary may hold a one-word form that is also في or من).
pub(crate) static FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "مع",
    "أن",
    "إن",
    "أنه",
    "إنه",
    "ما",
    "لا",
    "لم",
    "لن",
    "قد",
    "هو",
    "هي",
    "هم",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "كان",
    "كانت",
    "بعد",
    "قبل",
    "بين",
    "حول",
    "عند",
    "كل",
    "أو",
    "ثم",
    "حتى",
    "منذ",
    "عبر",
    "ضد",
    "غير",
    "أي",
    "كما",
    "لكن",
    "بل",
    "إذا",
    "لو",
    "أيضا",
    "فقط",
    "قال",
    "and",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "a",
    "an",
    "is",
    "was",
];
