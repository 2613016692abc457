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

/// The states of the United States, lower case, as English news writes a town's (AUSTIN, Texas (AP) —; Jordan,
/// Minnesota): a family name or a place followed by a comma and one of them is the town, not the person (Lloyd
/// Austin) or the place (Paris, Texas). Georgia and Washington are left out: a country and a capital, they follow
/// other names in lists (Moscow, Washington and Beijing; Jordan, Georgia and Armenia).
pub(crate) static US_STATES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "west virginia",
    "wisconsin",
    "wyoming",
];

/// Towns of the US state of Georgia that the news writes with it (ATLANTA, Georgia (AP) —; Athens, Georgia; Rome,
/// Georgia), lower case: there Georgia is the state, not the country, and the town is no place or person of the
/// glossary of its name (Athens, Rome). Georgia is no entry of [`US_STATES`]; it comes after other towns as the
/// country (Tbilisi, Georgia; Batumi, Georgia).
pub(crate) static GEORGIA_TOWNS: &[&str] = &[
    "albany",
    "alpharetta",
    "americus",
    "athens",
    "atlanta",
    "augusta",
    "brunswick",
    "buckhead",
    "calhoun",
    "carrollton",
    "columbus",
    "conyers",
    "covington",
    "dahlonega",
    "dalton",
    "decatur",
    "douglasville",
    "dublin",
    "duluth",
    "gainesville",
    "griffin",
    "hinesville",
    "jonesboro",
    "kennesaw",
    "lagrange",
    "lawrenceville",
    "macon",
    "marietta",
    "milledgeville",
    "newnan",
    "norcross",
    "peachtree city",
    "plains",
    "rome",
    "roswell",
    "sandy springs",
    "savannah",
    "smyrna",
    "statesboro",
    "stone mountain",
    "thomasville",
    "tifton",
    "valdosta",
    "warner robins",
    "waycross",
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
    // Cities of the twenty-third session whose names are words of every page: "the news" (Khobar), "the blue"
    // (Zarqa), "the corner" (Zawiya), "barrier" (Ha'il), and وجدة, also "and Jeddah" (Oujda); a lookup finds them.
    "الخبر",
    "الزرقاء",
    "الزاوية",
    "حائل",
    "وجدة",
    // Outlets and companies of the twenty-third session: "the squares" (Al Mayadeen), "the lighthouse" (Al-Manar),
    // "the event" (Al Hadath), "dead" (Meta), "camels" (Apple, آبل and أبل as إبل); قناة الميادين, شركة آبل are found.
    "الميادين",
    "المنار",
    "الحدث",
    "ميتا",
    "آبل",
    "أبل",
    // "How" (كيف: also an old spelling of Kyiv, كييف; twenty-sixth session, توضح كيف «كان...»).
    "كيف",
    "trend",
    "guardian",
    "tyre",
    "congress",
];

/// Religious formulas written after names (a prayer for a ruler or the dead, a praise of God): نصره الله, حفظه الله,
/// رحمه الله, صلى الله عليه وسلم. Two words each, the second often الله, like names of God's servants (نصر الله, عبد
/// الله): no name is read in them, by the scanner's close spellings or `discover`'s new spellings.
pub(crate) static FORMULAS: &[&str] = &[
    "نصره الله",
    "حفظه الله",
    "حفظها الله",
    "حفظهم الله",
    "رحمه الله",
    "رحمها الله",
    "رحمهم الله",
    "يرحمه الله",
    "أيده الله",
    "رعاه الله",
    "سلمه الله",
    "شفاه الله",
    "صلى الله",
    "عز وجل",
    "جل جلاله",
    "سبحانه وتعالى",
    "قدس سره",
];

/// Whether `key`, two words at the `search` level, is one of the [`FORMULAS`].
pub(crate) fn is_formula(key: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        FORMULAS
            .iter()
            .map(|f| crate::normalize::search(f).into_owned())
            .collect()
    })
    .iter()
    .any(|f| f == key)
}

/// The words that name an outlet's kind at the start of its longer forms (وكالة الأناضول، قناة الجزيرة، صحيفة
/// الأهرام): an entry with such a form is an outlet, and its forms among [`AMBIGUOUS_FORMS`] name it after
/// [`BEFORE_OUTLET`] or [`TOLD_OUTLET`].
pub(crate) static OUTLET_WORDS: &[&str] = &[
    "وكالة",
    "قناة",
    "صحيفة",
    "جريدة",
    "تلفزيون",
    "شبكة",
    "موقع",
    "إذاعة",
];

/// Words after which an outlet's one-word name is the outlet, not the everyday word (بحسب مراسل الأناضول, موفد
/// الجزيرة, كاميرا العربية, شاشة الميادين); read behind one proclitic letter too (لمراسل، ومراسلة).
pub(crate) static BEFORE_OUTLET: &[&str] = &[
    "مراسل",
    "مراسلة",
    "مراسلو",
    "مراسلي",
    "موفد",
    "موفدة",
    "كاميرا",
    "شاشة",
];

/// Words after which ل and an outlet's one-word name is the outlet: what someone told it (قال للأناضول, في تصريح
/// للجزيرة, في حديث للعربية), besides the verbs of [`SPEECH_VERBS`].
pub(crate) static TOLD_OUTLET: &[&str] = &[
    "تصريح",
    "تصريحات",
    "تصريحه",
    "تصريحاته",
    "حديث",
    "حديثه",
    "مقابلة",
    "مقابلته",
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

/// Names of places written like an everyday adjective of the language (مالي, Mali, and "financial"), with the
/// nouns after which they are the adjective (دعم مالي "financial support", مصدر مالي "a financial source") and the
/// adjectives they are coordinated with (دعم مالي وإداري, دعم عسكري ومالي). After any other word the name is the
/// place's: رئيس مالي "the president of Mali", شمال مالي, في مالي, زار مالي. Nouns are masculine and without the
/// article (a feminine one takes مالية), at the `search` level, read behind one proclitic letter too (ودعم, بمبلغ).
pub(crate) static ADJECTIVE_PLACES: &[(&str, &[&str], &[&str])] = &[(
    "مالي",
    &[
        "دعم",
        "عون",
        "عجز",
        "فائض",
        "وضع",
        "مبلغ",
        "نظام",
        "مركز",
        "سوق",
        "قطاع",
        "فساد",
        "إصلاح",
        "أداء",
        "تقرير",
        "خبير",
        "محلل",
        "مستشار",
        "مدير",
        "حساب",
        "رصيد",
        "احتياطي",
        "إطار",
        "التزام",
        "عائد",
        "مردود",
        "إنفاق",
        "عام",
        "ربع",
        "استقرار",
        "ضغط",
        "تحويل",
        "حافز",
        "تعويض",
        "مقابل",
        "بيان",
        "تدقيق",
        "تخطيط",
        "عبء",
        "مأزق",
        "شريك",
        "مورد",
        "غطاء",
        "تحليل",
        "انهيار",
        "إفلاس",
        "تعثر",
        "مصدر",
        "ملف",
        "تبرع",
        "دين",
        "ضمان",
        "أمن",
        "وعي",
        "تعاون",
        "سقف",
        "ثقل",
        "نقص",
        "تلاعب",
        "احتيال",
        "اختلاس",
        "تهرب",
        "صندوق",
        "مخصص",
        "اعتماد",
        "كشف",
        "نشاط",
        "استثمار",
        "ربح",
        "دخل",
        "مكسب",
        "تمويل",
        "إسناد",
        "مجال",
        "شأن",
        "جانب",
        "مستوى",
        "حجم",
    ],
    &[
        "اقتصادي",
        "إداري",
        "عسكري",
        "سياسي",
        "لوجستي",
        "فني",
        "تقني",
        "معنوي",
        "مادي",
        "إنساني",
        "تجاري",
        "نقدي",
        "قانوني",
        "تنظيمي",
        "تشغيلي",
        "ضريبي",
        "محاسبي",
        "مصرفي",
        "استثماري",
        "اجتماعي",
        "أمني",
        "إعلامي",
    ],
)];

/// Particles of names, at the `search` level: the word after one is a word of a name (خالد بن هلال, عبد السلام,
/// أبو بكر, آل الجابر "the house of al-Jaber"), so that a family name after it is another person's. Not ولد
/// (محمد ولد الغزواني): as often the verb "was born" before the person's name (وُلد بزشكيان عام 1954).
pub(crate) static NAME_PARTICLES: &[&str] = &["بن", "ابن", "بنت", "عبد", "ابو", "ابي", "ال"];

/// Words of the `plain` common-names table (`src/translit/common_names.tsv`) that are no given name, at the
/// `search` level: the words of organizations (حزب, حركة, مجلس), titles without the article (رئيس, شيخ), words of
/// places (بيت), nisba adjectives (عراقي, يمني) and the like. The table's other words are given names: before a
/// lone family name, one of them is another person's given name ([`super::Scanner::another_given_name_before`]:
/// صالح عباس is not Mahmoud Abbas), where حزب نتنياهو or مجلس ترامب stays the person's.
pub(crate) static TABLE_WORDS_NOT_GIVEN: &[&str] = &[
    "ام",
    "امير",
    "بيت",
    "تحرير",
    "جبهه",
    "جيش",
    "حركه",
    "حزب",
    "حوثي",
    "رئيس",
    "سرايا",
    "شيخ",
    "عراقي",
    "في",
    "كتائب",
    "لواء",
    "مجلس",
    "هيئه",
    "واحد",
    "يمني",
];
