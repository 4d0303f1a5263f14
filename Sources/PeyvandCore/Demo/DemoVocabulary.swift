import Foundation

/// The words generated demo data is made of: Persian given names and family names (each with the
/// Latin spelling used in e-mail addresses), company names, job titles, cities, products, and
/// the subjects of calls, tasks and notes. Invented companies only; no real customer data.
enum DemoVocabulary {
    struct Name: Sendable {
        let persian: String
        let latin: String
    }

    /// `"فارسی:latin فارسی:latin …"` → names.
    private static func names(_ list: String) -> [Name] {
        list.split(whereSeparator: \.isWhitespace).map { entry in
            let parts = entry.split(separator: ":")
            return Name(persian: String(parts[0]), latin: String(parts[1]))
        }
    }

    static let maleFirstNames = names("""
        محمد:mohammad علی:ali حسین:hossein رضا:reza مهدی:mahdi حسن:hasan امیر:amir مصطفی:mostafa سعید:saeed
        مجید:majid احمد:ahmad محمدرضا:mohammadreza علیرضا:alireza حمید:hamid جواد:javad محسن:mohsen ابراهیم:ebrahim
        اکبر:akbar اصغر:asghar مرتضی:morteza کاظم:kazem جعفر:jafar هادی:hadi مسعود:masoud بهروز:behrouz بهزاد:behzad
        بهرام:bahram فرهاد:farhad فرشاد:farshad فرزاد:farzad داریوش:dariush کوروش:kourosh سیاوش:siavash آرش:arash
        بابک:babak پرویز:parviz پژمان:pejman پیمان:peyman پویا:pouya پارسا:parsa پوریا:pourya کامران:kamran
        کیوان:keyvan کیان:kian سامان:saman سینا:sina سهیل:soheil سروش:soroush شهرام:shahram شهریار:shahriar
        شاهین:shahin شایان:shayan نیما:nima نوید:navid نادر:nader ناصر:naser منصور:mansour منوچهر:manouchehr
        مهران:mehran مهرداد:mehrdad مهیار:mahyar میلاد:milad مازیار:maziar ماهان:mahan یاسر:yaser یوسف:yousef
        یونس:younes یعقوب:yaghoub اسماعیل:esmaeil اسحاق:eshagh ایمان:iman امید:omid عماد:emad عباس:abbas
        عبدالله:abdollah عادل:adel عرفان:erfan عارف:aref عطا:ata غلامرضا:gholamreza غلامحسین:gholamhossein
        قاسم:ghasem کریم:karim کمال:kamal کامیار:kamyar کسری:kasra خسرو:khosrow خشایار:khashayar دانیال:danial
        داوود:davoud رامین:ramin رامتین:ramtin روزبه:roozbeh رسول:rasoul رحیم:rahim رحمان:rahman زانیار:zaniar
        سجاد:sajjad سلمان:salman سیروس:sirous شهاب:shahab صادق:sadegh صالح:saleh طاها:taha فرید:farid
        فرامرز:faramarz فریبرز:fariborz فرشید:farshid فرزین:farzin قربان:ghorban مجتبی:mojtaba محمدعلی:mohammadali
        محمدحسین:mohammadhossein مهدیار:mahdiar میثم:meysam هومن:houman هوشنگ:houshang وحید:vahid ولی:vali
        یزدان:yazdan اشکان:ashkan آرمان:arman آرین:arian آریا:arya اردلان:ardalan اردشیر:ardeshir افشین:afshin
        امین:amin احسان:ehsan حامد:hamed حمیدرضا:hamidreza حسام:hesam حافظ:hafez بنیامین:benyamin بردیا:bardia
        بیژن:bijan پدرام:pedram تورج:touraj تیمور:teymour جمشید:jamshid جلال:jalal جهانگیر:jahangir رستم:rostam
        سهراب:sohrab شروین:shervin شهروز:shahrouz علی‌اکبر:aliakbar علی‌اصغر:aliasghar مسیح:masih مانی:mani
        مهرشاد:mehrshad نریمان:nariman نیکان:nikan هیراد:hirad یاسین:yasin ابوالفضل:abolfazl امیرحسین:amirhossein
        امیرعلی:amirali امیرمحمد:amirmohammad محمدمهدی:mohammadmahdi محمدجواد:mohammadjavad
        """)

    static let femaleFirstNames = names("""
        فاطمه:fatemeh زهرا:zahra مریم:maryam زینب:zeynab معصومه:masoumeh سمیه:somayeh نرگس:narges الهام:elham
        الهه:elaheh لیلا:leila مینا:mina مهسا:mahsa مهناز:mahnaz مهتاب:mahtab مهشید:mahshid مژگان:mojgan
        منیژه:manijeh نسرین:nasrin نازنین:nazanin نیلوفر:niloufar نگار:negar نیوشا:niousha ندا:neda نسیم:nasim
        سارا:sara سمیرا:samira سپیده:sepideh سحر:sahar سوسن:sousan سیمین:simin شیرین:shirin شیما:shima
        شبنم:shabnam شهرزاد:shahrzad شقایق:shaghayegh پریسا:parisa پروانه:parvaneh پرستو:parastoo پریا:pariya
        پگاه:pegah پونه:pouneh ترانه:taraneh تینا:tina آزاده:azadeh آزیتا:azita آناهیتا:anahita آیدا:aida
        آتنا:atena آرزو:arezoo آرمیتا:armita اعظم:azam افسانه:afsaneh اکرم:akram بهاره:bahareh بهناز:behnaz
        بیتا:bita بنفشه:banafsheh حدیث:hadis حمیده:hamideh حانیه:haniyeh خدیجه:khadijeh درسا:dorsa دنیا:donya
        رویا:roya رعنا:rana ریحانه:reyhaneh رها:raha زهره:zohreh ژاله:zhaleh ستاره:setareh سودابه:soudabeh
        سوگند:sogand صبا:saba طاهره:tahereh طناز:tannaz عاطفه:atefeh فرشته:fereshteh فریبا:fariba فرزانه:farzaneh
        فهیمه:fahimeh فروغ:forough کبری:kobra کیمیا:kimia گلاره:gelareh گلناز:golnaz گیتی:giti لادن:ladan
        لاله:laleh مرجان:marjan مرضیه:marziyeh محبوبه:mahboubeh ملیحه:malihe منیره:monireh مهری:mehri مونا:mona
        مهدیه:mahdieh نفیسه:nafiseh نوشین:noushin نیکا:nika هستی:hasti هدیه:hedieh هما:homa یاسمن:yasaman
        یلدا:yalda یگانه:yeganeh ویدا:vida وحیده:vahideh رقیه:roghayeh سکینه:sakineh صدیقه:sedigheh کوثر:kowsar
        فاطیما:fatima فائزه:faezeh ثمین:samin تارا:tara دلارام:delaram ملیکا:melika ماهور:mahour کتایون:katayoun
        گلنار:golnar مهرنوش:mehrnoush شیوا:shiva پرنیان:parnian رومینا:romina
        """)

    static let lastNames = names("""
        محمدی:mohammadi حسینی:hosseini احمدی:ahmadi رضایی:rezaei موسوی:mousavi کریمی:karimi هاشمی:hashemi
        جعفری:jafari صادقی:sadeghi رحیمی:rahimi قاسمی:ghasemi کاظمی:kazemi حیدری:heydari رستمی:rostami مرادی:moradi
        عباسی:abbasi ابراهیمی:ebrahimi اکبری:akbari سلیمانی:soleimani نوری:nouri محمودی:mahmoudi یوسفی:yousefi
        شریفی:sharifi زارعی:zarei امیری:amiri طاهری:taheri نظری:nazari فرهادی:farhadi بهرامی:bahrami عزیزی:azizi
        سعیدی:saeedi ملکی:maleki نجفی:najafi حسن‌زاده:hasanzadeh علیزاده:alizadeh قربانی:ghorbani صفری:safari
        اسدی:asadi خسروی:khosravi منصوری:mansouri کرمی:karami باقری:bagheri شیرازی:shirazi اصفهانی:esfahani
        تهرانی:tehrani کرمانی:kermani یزدی:yazdi تبریزی:tabrizi رشتی:rashti شمسی:shamsi نادری:naderi فتحی:fathi
        توکلی:tavakoli میرزایی:mirzaei حسین‌زاده:hosseinzadeh غلامی:gholami فرجی:faraji کامرانی:kamrani
        جلالی:jalali کمالی:kamali فلاحی:fallahi عسگری:asgari آقایی:aghaei افشار:afshar بابایی:babaei
        پورمحمدی:pourmohammadi پاکزاد:pakzad تقوی:taghavi ثابتی:sabeti جوادی:javadi چراغی:cheraghi حقیقی:haghighi
        خلیلی:khalili دهقان:dehghan دلاوری:delavari ذوالفقاری:zolfaghari رنجبر:ranjbar روحانی:rouhani زمانی:zamani
        ساعدی:saedi سبحانی:sobhani شجاعی:shojaei شکوهی:shokouhi صالحی:salehi صمدی:samadi ضیایی:ziaei طالبی:talebi
        ظهیری:zahiri عطایی:ataei علوی:alavi غفاری:ghaffari فاضلی:fazeli فراهانی:farahani قاضی:ghazi قنبری:ghanbari
        کاویانی:kaviani کیانی:kiani گودرزی:goudarzi گلستانی:golestani لطفی:lotfi مختاری:mokhtari مقدم:moghaddam
        معتمدی:motamedi نیکنام:niknam نصیری:nasiri نوروزی:nowruzi وکیلی:vakili وحیدی:vahidi هدایتی:hedayati
        همتی:hemmati یگانه:yeganeh یزدانی:yazdani آزاد:azad آشتیانی:ashtiani اردلان:ardalan اسکندری:eskandari
        اشرفی:ashrafi افخمی:afkhami امینی:amini انصاری:ansari ایزدی:izadi بختیاری:bakhtiari برومند:boroumand
        بیات:bayat پناهی:panahi پهلوان:pahlavan ترابی:torabi تهامی:tahami جهانگیری:jahangiri حاتمی:hatami
        حبیبی:habibi حکیمی:hakimi حیدرزاده:heydarzadeh خادمی:khademi خانی:khani خرمی:khorrami دانشور:daneshvar
        درویشی:darvishi دولت‌آبادی:dolatabadi رحمانی:rahmani رسولی:rasouli رضوی:razavi رفیعی:rafiei ریاحی:riahi
        زندی:zandi سالاری:salari سپهری:sepehri سرابی:sarabi سلطانی:soltani سهرابی:sohrabi شاکری:shakeri
        شاهرخی:shahrokhi شفیعی:shafiei شهابی:shahabi صدری:sadri صفایی:safaei طباطبایی:tabatabaei عابدی:abedi
        عرب:arab عظیمی:azimi عمادی:emadi فتاحی:fattahi فرخی:farrokhi فروتن:forotan قادری:ghaderi قدیری:ghadiri
        کاشانی:kashani کرباسی:karbasi کشاورز:keshavarz کوهی:kouhi گلزار:golzar مجیدی:majidi محبی:mohebbi
        مرتضوی:mortazavi مشهدی:mashhadi مظفری:mozaffari معینی:moeini منتظری:montazeri مهاجر:mohajer میرزاده:mirzadeh
        نامداری:namdari نجاتی:nejati نصرتی:nosrati نیک‌پور:nikpour هاشمی‌نژاد:hasheminejad واعظی:vaezi یاوری:yavari
        شمس:shams سرمدی:sarmadi بنی‌هاشمی:banihashemi فردوسی:ferdowsi خیامی:khayyami رودکی:roudaki نیکزاد:nikzad
        آذری:azari گیلانی:gilani مازندرانی:mazandarani لاهیجی:lahiji قزوینی:ghazvini زنجانی:zanjani همدانی:hamedani
        اراکی:araki کردستانی:kordestani خراسانی:khorasani بوشهری:boushehri اهوازی:ahvazi سمنانی:semnani
        اردبیلی:ardabili قمی:ghomi نائینی:naeini اردکانی:ardakani میبدی:meybodi دامغانی:damghani سبزواری:sabzevari
        نیشابوری:neyshabouri طوسی:tousi بروجردی:boroujerdi خرم‌آبادی:khorramabadi زاهدی:zahedi شاهدی:shahedi
        مددی:madadi امامی:emami علوی‌نژاد:alavinejad
        """)

    /// A small share of people is written with Arabic letter forms (ي for ی, ك for ک), as text
    /// typed on an Arabic keyboard or imported from old systems arrives: search must still find them.
    static func arabicLetterForms(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "\u{06CC}": "\u{064A}"
            case "\u{06A9}": "\u{0643}"
            default: Character(scalar)
            }
        })
    }

    // MARK: Companies

    static let companyPrefixes = [
        "شرکت", "گروه صنعتی", "بازرگانی", "تولیدی", "صنایع", "شرکت مهندسی", "فروشگاه‌های زنجیره‌ای", "کارخانجات",
        "هلدینگ", "پخش", "شرکت فناوری", "توسعهٔ", "کارگزاری", "مجتمع", "شرکت حمل و نقل",
    ]
    static let companyCores = names("""
        پارس:pars آریا:arya سپهر:sepehr نوین:novin البرز:alborz کاوه:kaveh مهر:mehr آسیا:asia ایران:iran
        زاگرس:zagros دماوند:damavand خزر:khazar سپاهان:sepahan پویا:pouya آفتاب:aftab ستاره:setareh کیمیا:kimia
        تابان:taban روشن:roshan امید:omid نگین:negin فجر:fajr بهار:bahar آرمان:arman پارسیان:parsian هامون:hamoun
        کوثر:kowsar رایان:rayan داده:dadeh نوآوران:noavaran پیشگامان:pishgaman آینده:ayandeh سبز:sabz طلایی:talaei
        مروارید:morvarid یاقوت:yaghout فیروزه:firouzeh الماس:almas آذر:azar ماهان:mahan سیمرغ:simorgh هما:homa
        آتیه:atieh بنیان:bonyan ارغوان:arghavan نیلوفر:niloufar کهربا:kahroba اطلس:atlas شهاب:shahab آوا:ava
        ایده:ideh پرتو:partow رهنما:rahnama صبا:saba فراز:faraz کیان:kian مانا:mana نیکان:nikan ویرا:vira
        """)
    static let companySuffixes = names("""
        ایرانیان:iranian گستر:gostar پویا:pooya صنعت:sanat تجارت:tejarat شرق:shargh سازه:sazeh رایانه:rayaneh
        ارتباط:ertebat کالا:kala فرآیند:farayand اندیش:andish پخش:pakhsh پرداز:pardaz نگار:negar تدبیر:tadbir
        """)
    static let industries = [
        "فناوری اطلاعات", "ساخت و ساز", "مواد غذایی", "پوشاک", "خودرو و قطعات", "دارویی و تجهیزات پزشکی", "کشاورزی",
        "پتروشیمی", "حمل و نقل", "بانک و بیمه", "آموزش", "گردشگری", "لوازم خانگی", "فولاد و معدن", "بازرگانی و واردات",
    ]

    static let jobTitles = [
        "مدیر عامل", "مدیر فروش", "کارشناس خرید", "مدیر مالی", "حسابدار", "مدیر فنی", "کارشناس فروش", "مدیر بازرگانی",
        "مدیر تدارکات", "مسئول دفتر", "مدیر منابع انسانی", "کارشناس فناوری اطلاعات", "مهندس پروژه", "مدیر تولید",
        "مدیر بازاریابی", "کارشناس بازاریابی", "مدیر عملیات", "رئیس هیئت مدیره", "معاون بازرگانی", "کارپرداز",
    ]

    static let tags = [
        "VIP", "مشتری وفادار", "نمایشگاه ۱۴۰۵", "عمده‌فروش", "خرده‌فروش", "اولویت بالا", "همکار تجاری", "B2B",
        "نیاز به پیگیری", "خبرنامه", "معرفی‌شده", "تخفیف ویژه", "صادرات", "دولتی", "استارتاپ",
    ]

    static let mailDomains = ["gmail.com", "yahoo.com", "chmail.ir", "outlook.com", "mail.ir"]

    // MARK: Places

    static let streets = [
        "خیابان ولیعصر", "خیابان انقلاب", "خیابان آزادی", "بلوار کشاورز", "خیابان شریعتی", "خیابان مطهری", "بلوار امام رضا",
        "خیابان فردوسی", "خیابان حافظ", "خیابان سعدی", "بلوار ارتش", "خیابان بهار", "خیابان نیایش", "بلوار میرداماد",
        "خیابان طالقانی", "خیابان جمهوری", "خیابان پاسداران", "بلوار چمران", "خیابان کارگر", "خیابان امام خمینی",
    ]

    /// Share of generated people and companies per province: roughly the population, with more
    /// in Tehran, where the demo business sits.
    static let provinces = WeightedChoice<IranianProvince>([
        (.tehran, 25), (.razaviKhorasan, 6.4), (.isfahan, 5.1), (.fars, 4.8), (.khuzestan, 4.7), (.eastAzerbaijan, 3.9),
        (.mazandaran, 3.3), (.westAzerbaijan, 3.3), (.kerman, 3.2), (.alborz, 2.7), (.sistanBaluchestan, 2.8), (.gilan, 2.5),
        (.kermanshah, 1.95), (.golestan, 1.87), (.lorestan, 1.76), (.hamadan, 1.74), (.kurdistan, 1.6), (.hormozgan, 1.78),
        (.markazi, 1.43), (.ardabil, 1.27), (.qazvin, 1.27), (.qom, 1.29), (.yazd, 1.14), (.zanjan, 1.06), (.bushehr, 1.16),
        (.chaharmahalBakhtiari, 0.95), (.northKhorasan, 0.86), (.kohgiluyehBoyerAhmad, 0.71), (.semnan, 0.7),
        (.southKhorasan, 0.77), (.ilam, 0.58),
    ])

    /// Cities besides the capital for the larger provinces.
    static func cities(of province: IranianProvince) -> [String] {
        switch province {
        case .tehran: ["تهران", "تهران", "تهران", "شهریار", "اسلامشهر", "ورامین", "دماوند"]
        case .isfahan: ["اصفهان", "اصفهان", "کاشان", "نجف‌آباد", "خمینی‌شهر"]
        case .razaviKhorasan: ["مشهد", "مشهد", "نیشابور", "سبزوار", "تربت حیدریه"]
        case .fars: ["شیراز", "شیراز", "مرودشت", "کازرون"]
        case .khuzestan: ["اهواز", "اهواز", "آبادان", "دزفول", "خرمشهر"]
        case .eastAzerbaijan: ["تبریز", "تبریز", "مراغه", "مرند"]
        case .mazandaran: ["ساری", "بابل", "آمل", "قائم‌شهر"]
        case .gilan: ["رشت", "رشت", "لاهیجان", "بندر انزلی"]
        case .kerman: ["کرمان", "کرمان", "رفسنجان", "سیرجان"]
        default: [province.capitalPersian]
        }
    }

    /// The landline area code (without the trunk 0) of each province.
    static func areaCode(of province: IranianProvince) -> String {
        switch province {
        case .tehran: "21"
        case .alborz: "26"
        case .isfahan: "31"
        case .razaviKhorasan: "51"
        case .fars: "71"
        case .eastAzerbaijan: "41"
        case .khuzestan: "61"
        case .mazandaran: "11"
        case .gilan: "13"
        case .kerman: "34"
        case .yazd: "35"
        case .qom: "25"
        case .markazi: "86"
        case .hamadan: "81"
        case .kermanshah: "83"
        case .golestan: "17"
        case .westAzerbaijan: "44"
        case .ardabil: "45"
        case .zanjan: "24"
        case .qazvin: "28"
        case .semnan: "23"
        case .lorestan: "66"
        case .kurdistan: "87"
        case .hormozgan: "76"
        case .bushehr: "77"
        case .sistanBaluchestan: "54"
        case .southKhorasan: "56"
        case .northKhorasan: "58"
        case .ilam: "84"
        case .chaharmahalBakhtiari: "38"
        case .kohgiluyehBoyerAhmad: "74"
        }
    }

    /// Mobile operator prefixes (after the trunk 0): MCI 91x/990–994, Irancell 93x/90x, RighTel 92x.
    static let mobilePrefixes = [
        "910", "911", "912", "913", "914", "915", "916", "917", "918", "919", "990", "991", "992", "993", "994",
        "930", "933", "935", "936", "937", "938", "939", "901", "902", "903", "904", "905", "941", "920", "921", "922",
    ]

    // MARK: Sales

    static let products = [
        "لپ‌تاپ", "سرور", "نرم‌افزار حسابداری", "قرارداد پشتیبانی", "تجهیزات شبکه", "پنل خورشیدی", "دستگاه کارت‌خوان",
        "ماشین‌آلات بسته‌بندی", "خدمات مشاوره", "دورهٔ آموزش کارکنان", "اشتراک سالانهٔ نرم‌افزار", "بیمهٔ تکمیلی",
        "خودروی ناوگان", "مواد اولیه", "چاپ و تبلیغات", "دوربین مداربسته", "سامانهٔ انبارداری", "تجهیزات آزمایشگاهی",
    ]
    static let opportunityPatterns = ["خرید %@", "تمدید %@", "قرارداد سالانهٔ %@", "%@ — فاز دوم", "ارتقای %@"]
    static let competitors = ["راهکار نو", "گروه آلفا", "فن‌آوران البرز", "سامانه‌گستر", "پیشرو تجارت", "نوآوا"]
    static let lostReasons = [
        "قیمت بالاتر از رقیب", "بودجهٔ مشتری تأمین نشد", "مشتری رقیب را انتخاب کرد", "پروژه به تعویق افتاد", "مشتری پاسخ نداد",
    ]
    static let disqualifiedReasons = ["خارج از بازار هدف", "بودجه ندارد", "اطلاعات تماس نادرست", "فقط استعلام قیمت بود"]

    // MARK: Activities

    static let callSubjects = [
        "تماس پیگیری با %@", "تماس دربارهٔ پیش‌فاکتور با %@", "تماس ورودی: پرسش %@ دربارهٔ قیمت", "تماس معرفی محصول با %@",
        "تماس برای هماهنگی تحویل با %@",
    ]
    static let taskSubjects = [
        "ارسال پیش‌فاکتور به %@", "آماده‌سازی قرارداد %@", "پیگیری پرداخت %@", "ارسال کاتالوگ محصولات به %@",
        "هماهنگی جلسهٔ نمایش محصول با %@", "به‌روزرسانی اطلاعات %@",
    ]
    static let noteSubjects = [
        "یادداشت: %@ به تخفیف حجمی علاقه دارد", "یادداشت: تصمیم‌گیرندهٔ %@ مدیر مالی است", "یادداشت: بودجهٔ %@ برای فصل بعد",
        "یادداشت: %@ از خدمات پس از فروش راضی است", "یادداشت: %@ نمونهٔ رایگان خواست",
    ]
    static let meetingSubjects = ["جلسهٔ معرفی محصول با %@", "جلسهٔ مذاکرهٔ قیمت با %@", "بازدید از دفتر %@"]
    static let emailSubjects = ["ارسال ایمیل معرفی به %@", "ایمیل پیگیری پیشنهاد %@"]
    static let smsSubjects = ["پیامک یادآوری جلسه به %@", "پیامک تبریک به %@"]
    static let bodies = [
        "مشتری خواست نسخهٔ به‌روز پیشنهاد قیمت تا پایان هفته ارسال شود.",
        "قرار شد پس از تأیید مدیر مالی دوباره تماس بگیریم.",
        "نمونهٔ قرارداد برای بررسی حقوقی ارسال شد.",
        "مشتری از زمان تحویل سفارش قبلی گلایه داشت؛ پیگیری شود.",
        "درخواست ارائهٔ حضوری در دفتر مرکزی.",
        "پرداخت قسط دوم با یک هفته تأخیر انجام می‌شود.",
    ]
}
