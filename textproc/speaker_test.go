package textproc

import "testing"

// One case per attribution rule, each written for readout in a construction seen in real
// Arabic or English news on Xi–Putin talks (no sentence of a real article). The sentence asked
// about is the last of the text.
func TestSpeakerRules(t *testing.T) {
	lx := DefaultLexicon()
	cases := []struct {
		rule, text           string
		speaker, cue, source string
		channel              string
		at                   int // the sentence asked about, from the end: 0 the last
	}{
		{RuleHeadline, "شي وبوتين: الشراكة بين البلدين لا تستهدف أحدا", SpeakerJoint, "", "شي وبوتين", "", 0},
		{RuleHeadline, "Kremlin: talks with Xi to be held next week", SpeakerOther, "", "Kremlin", "", 0},
		{RuleRelay, "ونقلت وكالة شينخوا عن شي قوله إن الصين تدعم الحوار.", "xi", "ونقلت", "شي", "xinhua", 0},
		{RuleRelay, "Xinhua quoted Xi as saying that the ties were mature.", "xi", "quoted", "Xi", "xinhua", 0},
		{RuleRelay, "وقال المستشار الرئاسي أوشاكوف إن بوتين أبلغ شي بأن الإمدادات ستزداد.", "putin", "أبلغ", "بوتين", "", 0}, // an aide relays the leader's words
		{RuleRelay, "Presidential aide Yuri Ushakov said Putin assured Xi that supplies would grow.", "putin", "assured", "Putin", "", 0},
		{RuleOther, "Ushakov said Putin had told Xi about the new round of contacts.", SpeakerOther, "said", "Ushakov", "", 0}, // a topic, no content: the aide's report
		{RuleRelay, "وقال وزير الخارجية إن بوتين وشي اتفقا على أن التعاون سيتسع.", SpeakerJoint, "اتفقا", "بوتين وشي", "", 0},  // the pair, relayed
		{RuleRelay, "Foreign Minister Wang Yi said Xi and Putin agreed that the partnership targets no one.", SpeakerJoint, "said", "Xi and Putin", "", 0},
		{RuleOther, "Several analysts said Xi believes that the partnership will last.", SpeakerOther, "said", "Several analysts", "", 0}, // a reading of the leader, not his words
		{RuleOther, "وقال أوشاكوف للصحفيين إن بوتين سيطرح على شي فكرة منتدى للمدن الحدودية.", SpeakerOther, "وقال", "أوشاكوف", "", 0},
		{RuleSource, "التعاون في مجال الطاقة سيتسع، بحسب بوتين.", "putin", "بحسب", "بوتين", "", 0},
		{RuleSource, "Energy trade will keep growing, according to Putin.", "putin", "according", "Putin", "", 0},
		{RuleSubjectAfter, "وأعرب الرئيس الصيني عن ارتياحه لنتائج الزيارة.", "xi", "وأعرب", "الرئيس الصيني", "", 0},
		{RuleSubjectAfter, "\"We agree on the main points,\" said the Russian president.", "putin", "said", "the Russian president", "", 0},
		{RuleSubject, "Xi on Friday underscored the need for dialogue.", "xi", "underscored", "Xi", "", 0},
		{RuleSubject, "بوتين يؤكد أن العلاقات مع بكين في أفضل حالاتها.", "putin", "يؤكد", "بوتين", "", 0},
		{RuleSubject, "Calling Xi an old friend, Putin in his opening remarks said the visit was timely.", "putin", "said", "Putin", "", 0},
		{RuleImplicit, "وقال بوتين إن الزيارة مهمة. وأضاف أن البلدين سيوقعان اتفاقات جديدة.", "putin", "وأضاف", "", "", 0},
		{RuleDual, "التقى الرئيسان في موسكو. وأكدا أهمية التنسيق في مجلس الأمن.", SpeakerJoint, "وأكدا", "", "", 0},
		{RuleOther, "وقال المتحدث باسم الكرملين إن التحضيرات جارية.", SpeakerOther, "وقال", "المتحدث باسم الكرملين", "", 0},
		{RuleOther, "وقال الرئيس الأمريكي خلال مؤتمر صحفي في البيت الأبيض إن المحادثات كانت مفيدة.", SpeakerOther, "وقال", "الرئيس الأمريكي", "", 0},
		{RulePronoun, "Putin met Xi in the Kremlin. He said the talks had been frank.", "putin", "said", "He", "", 0},
		{RuleParticiple, "وأكد شي أن الصين مستعدة للعمل مع روسيا. مضيفا أن الثقة بين البلدين راسخة.", "xi", "", "", "", 0},
		{RuleQuote, "وقال بوتين: «نحن نعمل معا. وسنواصل ذلك في كل المجالات».", "putin", "", "", "", 0},
		{RuleQuoteAfter, "\"Trade has doubled in five years. It will double again,\" Putin said.", "putin", "", "", "", 1},
		{RuleComplement, "وأكد شي أن الصين تدعم روسيا. وأن البلدين سيعززان التعاون.", "xi", "", "", "", 0},
		{RuleSide, "وقال شي إن الصين تقدر موقف روسيا. وبكين تنظر بإيجابية إلى المبادرات الروسية.", "xi", "", "", "", 0},
		{RuleModal, "وقال شي إن البلدين شريكان. وينبغي أن يواصلا التنسيق في الشؤون الدولية.", "xi", "", "", "", 0},
		{RuleModal, "Xi said the two countries were good neighbours. China and Russia should deepen trust.", "xi", "", "", "", 0},
		{RuleTranscript, "Vladimir Putin: Dear friend, welcome to Moscow.\n\nOur countries have done much together.", "putin", "", "", "", 0},
		{RuleDocument, "وصدر في ختام القمة بيان مشترك. وأوضح البيان أن الطرفين يرفضان العقوبات الأحادية.", SpeakerJoint, "وأوضح", "البيان", "", 0}, // the joint statement named before it
		{RuleDocument, "China and Russia oppose unilateral sanctions, the document said.", SpeakerJoint, "said", "China and Russia", "", 0},
		{RulePast, "The leaders met in Beijing, months after they had pledged a partnership.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "وأشار شي بيده إلى الحشد قبل أن يتوجه إلى السيارة.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "وتحدث شي إلى بوتين عبر مترجم طوال الجلسة.", SpeakerNone, "", "", "", 0},                                        // spoke to: no content
		{RuleDocument, "وأضافت الوزارة أن الرئيس شي قال إن العلاقات متينة.", "xi", "قال", "الرئيس شي", "", 0},                           // an office reports its leader
		{RuleOther, "وذكر الكرملين أن الضيف جدد لبوتين تأييد حكومته لهذه الخطوات.", SpeakerOther, "وذكر", "الكرملين", "", 0},            // لبوتين is spoken to: the Kremlin's own report
		{RuleSubjectAfter, "وفي رد على سؤال صحفي، قال شي إن بلاده منفتحة على الحوار.", "xi", "قال", "شي", "", 0},                        // رد after في is a noun, not the cue
		{RuleSubjectAfter, "وخلال قمة افتراضية عقدت عبر الإنترنت، أعرب بوتين عن أمله في زيارة قريبة.", "putin", "أعرب", "بوتين", "", 0}, // عبر with no عن: "via"
		{RuleSubjectAfter, "وعبر الرئيس الروسي عن ارتياحه لنتائج الزيارة.", "putin", "وعبر", "الرئيس الروسي", "", 0},
		{RuleSubjectAfter, "وعبر الرئيس الروسي فلاديمير بوتين عن ارتياحه للمحادثات.", "putin", "وعبر", "الرئيس الروسي فلاديمير بوتين", "", 0},
		{RuleSubjectAfter, "وفي مؤتمر عبر تقنية الاتصال عن بعد، أكد بوتين أن التبادل ينمو.", "putin", "أكد", "بوتين", "", 0}, // عن بعد: remotely                    // عبّر عن
		{RuleSubjectAfter, "كما شدد كل من الرئيس الصيني ونظيره الروسي على أهمية التنسيق.", SpeakerJoint, "شدد", "الرئيس الصيني ونظيره الروسي", "", 0},
		{RuleNarration, "يذكر أن وزير الخارجية الروسي زار بكين الشهر الماضي.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "وتشكل الحبوب نصف ما تشتريه الصين من روسيا.", SpeakerNone, "", "", "", 0},                                                    // نصف (half), not "we describe"
		{RuleSubjectAfter, "واتفق بوتين ونظيره التركي على مواصلة الاتصالات. وأكد الزعيمان أهمية خط الغاز.", SpeakerOther, "وأكد", "الزعيمان", "", 0}, // another pair
		{RuleSubjectAfter, "وأكد الجانبان الروسي والأوكراني أنهما سيستأنفان المحادثات.", SpeakerOther, "وأكد", "الجانبان", "", 0},
		// a source naming someone else (issue 12, 2026-12-02)
		{RuleSource, "وحسب لافروف، تناول الرئيسان ملف الطاقة مطولا.", SpeakerOther, "وحسب", "لافروف", "", 0},
		{RuleSource, "The talks will cover grain and gas, according to Chinese officials.", SpeakerOther, "according", "officials", "", 0},
		{RuleSource, "According to Kremlin aide Yuri Ushakov, the leaders spoke for an hour.", SpeakerOther, "According", "Kremlin aide", "", 0},
		// Arabic verb-subject order wins over a name ending right before the verb
		{RuleSubjectAfter, "وعند استقباله الضيف الروسي بوتين رحب الرئيس شي بأن الزيارة جاءت في وقتها.", "xi", "رحب", "الرئيس شي", "", 0},
		// a speech clause after the main one
		{RuleSpeechClause, "Xi Jinping received Putin at the Great Hall, praising what he called a model relationship.", "xi", "praising", "Xi Jinping", "", 0},
		{RuleSpeechClause, "The leaders then turned to energy, with Putin telling Xi that a new pipeline was ready.", "putin", "telling", "Putin", "", 0},
		{RuleSpeechClause, "Putin and Xi Jinping held talks in Kazan, hailing the growth of trade in local currencies.", SpeakerJoint, "hailing", "Putin and Xi Jinping", "", 0},
		{RuleSpeechClause, "وودع الرئيس الروسي ضيفه الصيني في المطار قائلا إن الزيارة كانت ناجحة.", "putin", "قائلا", "الرئيس الروسي", "", 0},
		{RuleSpeechClause, "واستقبل شي نظيره الروسي في قاعة الشعب، وأشاد خلال اللقاء بالتعاون في مجال الطاقة.", "xi", "وأشاد", "شي", "", 0},
		{RuleSubject, "The leaders met over dinner, during which the two presidents praised the new grain corridor.", SpeakerJoint, "praised", "the two presidents", "", 0},
		// the source of another speaker ends before what is not its name
		{RuleOther, "وقال بيسكوف للصحفيين إن المحادثات كانت جيدة.", SpeakerOther, "وقال", "بيسكوف", "", 0},
		{RuleOther, "ويرى محللون أن اللقاء مهم.", SpeakerOther, "ويرى", "محللون", "", 0},
		// a pair opening the sentence before a clause: both (the partner is after the first name)
		{RuleSubject, "Xi and Putin meet in Astana, pledge closer coordination", SpeakerJoint, "pledge", "Xi and Putin", "", 0},
		{RuleSubject, "Putin and Xi, speaking after the talks, said the partnership was strong.", SpeakerJoint, "said", "Putin and Xi", "", 0},
		// the speaker after a comma is someone else, not the actor the sentence opens with
		{RuleOther, "Xi Jinping will visit Moscow next month, said a Chinese Foreign Ministry spokesman.", SpeakerOther, "said", "Chinese Foreign Ministry", "", 0},
		// "it said" of the joint statement named before
		{RuleDocument, "The two leaders signed a joint statement. \"The parties reject bloc politics,\" it said.", SpeakerJoint, "said", "it", "", 0},
		// a medium reporting the leader
		{RuleDocument, "وذكرت وسائل إعلام روسية أن بوتين هنأ شي بالعيد الوطني.", "putin", "هنأ", "بوتين", "", 0},
		// the joint statement's points: after a colon, and with the two countries as subject
		{RuleDocument, "ووقع الزعيمان بيانا مشتركا. وجاء في البيان: العالم يشهد تحولات عميقة.", SpeakerJoint, "وجاء", "البيان", "", 0},
		{RuleSide, "وأكد البيان المشترك أن البلدين يرفضان الهيمنة. وتدعم روسيا والصين دور الأمم المتحدة.", SpeakerJoint, "", "", "", 0},
		{RuleSide, "The joint statement said both countries reject bloc politics. The parties also oppose unilateral sanctions.", SpeakerJoint, "", "", "", 0},
		{RuleNarration, "وأكد الرئيسان أن التعاون يتسع. وسيلتقي الزعيمان مجددا في الخريف.", SpeakerNone, "", "", "", 0},
		// not speech: a gift, a handshake, a war declared
		{RuleNarration, "وقدم الوفد الروسي إلى المضيفين لوحة من الخزف.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "وتبادل الرئيسان المصافحة أمام المصورين.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "The empire declared war on its neighbour in 1904.", SpeakerNone, "", "", "", 0},
		// a preposition with a pronoun is one word: the subject comes after it (2026-12-04)
		{RuleSubjectAfter, "وسأل صحفي روسي شي عن الطاقة. فرد عليه بوتين قائلا إن الإمدادات لن تتوقف.", "putin", "فرد", "بوتين", "", 0},
		{RuleImplicit, "وقال بوتين إن الزيارة مهمة. وأكد له أن الإمدادات ستزداد.", "putin", "وأكد", "", "", 0},
		// جاء ذلك frames what was said: the writer's, not a cue
		{RuleNarration, "وقال شي إن البلدين سيعمقان التعاون. وجاء ذلك خلال لقاء جمعه إلى ضيفه في قاعة الشعب.", SpeakerNone, "", "", "", 0},
		{RuleDocument, "وصدر بيان مشترك في ختام القمة. وجاء في البيان أن الطرفين يرفضان التدخل في الشؤون الداخلية.", SpeakerJoint, "وجاء", "البيان", "", 0},
		{RuleDocument, "وأكد بوتين في رسالة إلى المنتدى أن الشراكة راسخة. ويجب، كما جاء في الرسالة، أن يواصل الشباب بناءها.", "putin", "جاء", "الرسالة", "", 0}, // the document of the speaker before
		{RuleDocument, "وأعلن الكرملين موعد الزيارة. وجاء في بيان الكرملين: يزور الرئيس الصيني موسكو الأسبوع المقبل.", SpeakerOther, "وجاء", "بيان الكرملين", "", 0},
		{RuleDocument, "وأكد الجانبان أن التعاون سيتسع. وجاء في الوثيقة: روسيا والصين تعارضان العقوبات الأحادية.", SpeakerJoint, "وجاء", "الوثيقة", "", 0},
		// a medium as the source of a sentence that names no leader speaking: its own report
		{RuleSource, "وارتفع التبادل التجاري بين البلدين بنحو الثلث، بحسب وكالة تاس.", SpeakerOther, "بحسب", "وكالة تاس", "", 0},
		{RuleSource, "The talks lasted almost four hours, according to Xinhua.", SpeakerOther, "according", "Xinhua", "", 0},
		{RuleModal, "Xi said China valued the partnership. China is ready to deepen trade, according to Xinhua.", "xi", "", "", "xinhua", 0},
		// a reporting phrase inside an aide's or a correspondent's report: the leader's words
		{RuleRelay, "A correspondent in Beijing said Xi made the point that trade in yuan would keep growing.", "xi", "made the point", "Xi", "", 0},
		// the first person outside a quotation: the speaker before goes on
		{RuleFirstPerson, "وقال شي إن العلاقات في أفضل حالاتها. نحن نعمل معا من أجل عالم متعدد الأقطاب.", "xi", "", "", "", 0},
		{RuleFirstPerson, "Putin said the visit was historic. We will keep supporting each other in every field.", "putin", "", "", "", 0},
		{RuleNarration, "The crowd waved flags and banners reading \"our friendship is eternal\".", SpeakerNone, "", "", "", 0},
		{RuleNarration, "وقال شي إن الزيارة ناجحة. وحمل الطلاب لافتات كتب عليها \"نحن أصدقاء\".", SpeakerNone, "", "", "", 0},
		// a quotation between the subject and the verb: the clause begins after the comma
		{RuleSubject, "According to local radio, Putin introduced Xi to his ministers as \u201ca true neighbour\u201d and said that trade would double.", "putin", "said", "Putin", "", 0},
		// a transcript line names the speaker after his title
		{RuleHeadline, "President of Russia Vladimir Putin: Mr Chairman, friends,", "putin", "", "Vladimir Putin", "", 0},
		{RuleTranscript, "President of Russia Vladimir Putin: Mr Chairman, friends,\n\nOur countries have come a long way together.", "putin", "", "", "", 0},
		// English reporting words that are not a statement made: a possessive's noun, a passive
		// (its agent after by speaks)
		{RuleNarration, "Putin's mention of the pipeline surprised the markets.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "The price of the gas was not mentioned in the documents.", SpeakerNone, "", "", "", 0},
		{RuleSubjectAfter, "Xi was told by Putin that the second pipeline would be built.", "putin", "told", "Putin", "", 0},
		{RuleOther, "The visit was announced by the presidential press service on Monday.", SpeakerOther, "announced", "the presidential press", "", 0},
		{RuleOther, "The leaders will meet again in the autumn, the Chinese president's adviser said.", SpeakerOther, "said", "the Chinese president's adviser", "", 0},
		{RuleSubject, "Putin commended the Chinese proposals on grain exports.", "putin", "commended", "Putin", "", 0},
		{RuleSubject, "Xi invited Putin to attend the forum in Beijing.", "xi", "invited", "Xi", "", 0},
		{RuleSubject, "Xi shared that he had read Russian novels as a young man.", "xi", "shared", "Xi", "", 0},
		{RuleNarration, "China's share of Russian oil exports grew again.", SpeakerNone, "", "", "", 0},
		// Arabic words spelled as a reporting verb's dual that are not one
		{RuleNarration, "وفرضت الدول الغربية عقوبات جديدة ردا على الهجوم.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "وحيا الرئيس أعضاء الوفد فردا فردا عند المدخل.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "ويصل بوتين إلى بكين غدا آملا في دعم أكبر لاقتصاد بلاده.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "ويعتبر هذا اللقاء الثالث بين الرئيسين هذا العام.", SpeakerNone, "", "", "", 0},
		// سبق أن: a statement of the past
		{RulePast, "وسبق أن أعلن بوتين أن البلدين شريكان استراتيجيان.", SpeakerNone, "", "", "", 0},
		// the two capitals as one subject
		{RuleSubjectAfter, "التقى بوتين وشي في كازان. ودعت موسكو وبكين إلى إصلاح مجلس الأمن.", SpeakerJoint, "ودعت", "موسكو وبكين", "", 0},
		// جاء: came, unless something was stated in it
		{RuleNarration, "وجاء كلام بوتين خلال لقاء مع طلاب \"جامعة موسكو\" قبل سفره إلى الصين.", SpeakerNone, "", "", "", 0},
		// a medium relaying, with no one named as its source: its own report, or a leader's
		{RuleOther, "ونقلت صحيفة فايننشال تايمز أن الوفد الروسي سيصل الأحد.", SpeakerOther, "ونقلت", "صحيفة فايننشال تايمز", "", 0},
		{RuleSubject, "ونقلت صحيفة الشعب أن شي أكد أهمية التنسيق الاستراتيجي.", "xi", "أكد", "شي", "", 0}, // the leader's own verb first
		{RuleOther, "وأجرى شي اتصالا ببوتين، حسبما ذكرت القناة الرسمية.", SpeakerOther, "ذكرت", "القناة الرسمية", "", 0},
		// the fifth held-out set's kinds of error (2026-12-04), in our own sentences
		{RuleSubject, "بوتين يؤكد لشي: الشراكة لا تستهدف أحدا", "putin", "يؤكد", "بوتين", "", 0},                                      // لشي is spoken to
		{RuleSource, "وقال شي إن القمة مهمة. وبحسب القناة الرسمية، يبدأ الاجتماع مساء الغد.", SpeakerOther, "وبحسب", "القناة", "", 0}, // القناة ends as a pronoun suffix would
		{RuleDocument, "وجاء في بيان نشره الكريملن أن الزيارة ستتم في موعدها.", SpeakerOther, "وجاء", "بيان نشره الكريملن", "", 0},    // a spelling of the Kremlin
		{RulePronoun, "Xi and Putin met in Kazan. They expressed opposition to unilateral sanctions.", SpeakerJoint, "expressed", "They", "", 0},
		{RuleSubject, "China's President Xi Jinping and Russia's President Vladimir Putin agreed that grain trade should grow.", SpeakerJoint, "agreed", "Xi Jinping and Russia's President Vladimir Putin", "", 0},
		{RuleOther, "A ministry spokesman said the two countries' positions were close.", SpeakerOther, "said", "A ministry spokesman", "", 0},
		{RuleSubject, "Xi met Putin in Moscow. Both countries voiced alarm at new missile deployments.", SpeakerJoint, "voiced", "Both countries", "", 0},
		{RuleDocument, "\u201cThe Chinese side backs a political settlement,\u201d the statement reads.", "xi", "reads", "The Chinese side", "", 0},
		{RuleSubject, "Xi denounced pressure on developing economies.", "xi", "denounced", "Xi", "", 0},
		{RuleSubjectAfter, "وانتقد بوتين العقوبات الغربية على بلاده.", "putin", "وانتقد", "بوتين", "", 0},
		{RulePronoun, "Putin praised the preparations. He was confident the Games would run smoothly.", "putin", "was confident", "He", "", 0},
		{RuleOther, "وقالت شركة غازبروم إن الإمدادات ستزداد العام المقبل.", SpeakerOther, "وقالت", "شركة غازبروم", "", 0},
		{RuleSource, "According to the publication, the talks will focus on trade.", SpeakerOther, "According", "publication", "", 0},
		{RuleSource, "According to the Russian president's aide, the leaders will talk on Friday.", SpeakerOther, "According", "the Russian president's aide", "", 0},
		{RuleRelay, "According to Ushakov, the Chinese leader \u201ctold him in brief\u201d of his talks with Washington.", "xi", "told", "Chinese leader", "", 0},
		{RuleRelay, "Ushakov said the talks went well. He noted that Putin told Xi that the parade would be large.", "putin", "told", "Putin", "", 0},
		{RuleSubject, "Xi spoke by video to his Russian counterpart, Vladimir Putin and stressed that the grain deal mattered.", "xi", "stressed", "Xi", "", 0},
		{RuleOther, "The talks lasted four hours, the report said.", SpeakerOther, "said", "the report", "", 0},
		{RuleSource, "The leaders spoke by phone, according to state television CCTV.", SpeakerOther, "according", "CCTV", "", 0},
		{RuleDocument, "وجاء في بيان أصدره المكتب الصحفي للكرملين أن القمة ستعقد في الخريف.", SpeakerOther, "وجاء", "بيان أصدره المكتب الصحفي للكرملين", "", 0},
		{RuleOther, "وأكد كل من مودي وبوتين ضرورة الحوار.", SpeakerOther, "وأكد", "مودي وبوتين ضرورة", "", 0},
		{RuleSubjectAfter, "Xi met Putin in Beijing. The new tariffs were criticised by both Beijing and Moscow.", SpeakerJoint, "criticised", "Beijing and Moscow", "", 0},
		{RuleNarration, "Xi opened a trade fair which was suggested by Putin last year.", SpeakerNone, "", "", "", 0}, // a relative clause's passive
		// the sixth held-out set's kinds of error (2026-12-04), in our own sentences
		{RuleSubject, "Xi, Putin pledge closer ties on river shipping", SpeakerJoint, "pledge", "Xi, Putin", "", 0},
		{RuleOther, "\u201cThe deal gives Russia room,\u201d Ivan Petrov, an energy analyst at a Moscow institute, said.", SpeakerOther, "said", "Ivan Petrov, an energy analyst at a Moscow institute", "", 0},
		{RuleOther, "But Xi's envoy, Li Hui, said on Monday that no plan had been drafted.", SpeakerOther, "said", "Xi's envoy", "", 0},
		{RuleNarration, "What did the two presidents agree on?", SpeakerNone, "", "", "", 0},
		{RuleNarration, "Putin said the deal was close. Russia, which ships much of its oil to India, has long wanted a pipeline to China.", SpeakerNone, "", "", "", 0},
		{RuleSubject, "Xi referred to the ties as \u201csteady and trusted\u201d.", "xi", "referred", "Xi", "", 0},
		{RuleImplicit, "وقال بوتين إن الصداقة متينة. ووصف الرئيس الصيني بأنه رفيق درب.", "putin", "ووصف", "", "", 0},        // شي is described
		{RuleOther, "وقال التلفزيون إن الرئيس الصيني رد بتقديم لوحة فنية للضيف.", SpeakerOther, "وقال", "التلفزيون", "", 0}, // رد ب: responded with a gift
		// a place and a colon opening a story are its dateline: no transcript follows
		{RuleNarration, "Moscow: Russian President Vladimir Putin opened a bridge over the Amur on Friday before a crowd of Chinese envoys.\n\nIts opening date was not announced in advance.", SpeakerNone, "", "", "", 0},
		// a quotation whose closing mark was lost ends at the first sentence that says who speaks
		{RuleQuote, "Putin told Xi: \"A new model of ties has formed. The ties are at their best. According to Ushakov, the leaders then spoke alone for two hours. The boycott of the Games came up.\n\nThe talks ended in the evening.", "putin", "", "", "", 3},
		{RuleSource, "Putin told Xi: \"A new model of ties has formed. The ties are at their best. According to Ushakov, the leaders then spoke alone for two hours. The boycott of the Games came up.\n\nThe talks ended in the evening.", SpeakerOther, "According", "Ushakov", "", 2},
		{RuleNarration, "Putin told Xi: \"A new model of ties has formed. The ties are at their best. According to Ushakov, the leaders then spoke alone for two hours. The boycott of the Games came up.\n\nThe talks ended in the evening.", SpeakerNone, "", "", "", 1},
		// … but goes on into a paragraph that opens with a quotation mark
		{RuleQuote, "Xi said: \"We will work together. According to our plan, the bridge opens next year.\n\n\"The partnership targets no one,\" he added.", "xi", "", "", "", 1},
		// the seventh held-out set's kinds of error (2026-12-04), in our own sentences
		{RuleSubjectAfter, "ودان بوتين ما وصفه بالضغط على الشركاء التجاريين.", "putin", "ودان", "بوتين", "", 0},                                                                    // دان: condemned
		{RuleSubjectAfter, "واشتكى شي لبوتين من أن الرسوم الجمركية تضر بالتجارة.", "xi", "واشتكى", "شي", "", 0},                                                                    // complained
		{RuleSubject, "Putin slammed what he called a campaign of pressure on Beijing.", "putin", "slammed", "Putin", "", 0},                                                       // slam, blast
		{RuleSubject, "At the ceremony Xi called him \u201ca trusted partner\u201d.", "xi", "called", "Xi", "", 0},                                                                 // call with a quotation
		{RuleNarration, "Xi called Putin on Monday to discuss the grain corridor.", SpeakerNone, "", "", "", 0},                                                                    // call without one: a phone call
		{RuleSubject, "Putin also called Xi a reliable partner.", "putin", "called", "Putin", "", 0},                                                                               // an object and a predicate noun
		{RuleOther, "A ministry spokeswoman called Putin's offer \u201cpremature\u201d but said that talks would go on.", SpeakerOther, "called", "A ministry spokeswoman", "", 0}, // a possessive is relayed by no one
		{RuleNarration, "The city keeps what it calls the \u201cfriendship garden\u201d open in winter.", SpeakerNone, "", "", "", 0},                                              // what it calls: a gloss
		{RuleNarration, "After the \u201cflag ceremony\u201d the guests tasted pancakes called blini.", SpeakerNone, "", "", "", 0},
		{RuleNarration, "The leaders held a phone call on Friday, \u201cfriendly and frank\u201d in tone.", SpeakerNone, "", "", "", 0}, // a noun after phone
		{RuleSubject, "Putin called for faster payments in national currencies.", "putin", "called for", "Putin", "", 0},
		{RuleSubject, "In brief opening remarks at the forum, Xi said trade had doubled.", "xi", "said", "Xi", "", 0},                                  // remarks is a noun here
		{RuleOther, "In Beijing the ministry spokesman said the visit was planned.", SpeakerOther, "said", "In Beijing the ministry spokesman", "", 0}, // a name between: a subject (its span keeps the phrase)
	}
	for _, c := range cases {
		d := lx.Analyze(c.text)
		s := d.Sentences[len(d.Sentences)-1-c.at]
		cue, source := c.text[s.Cue.Start:s.Cue.End], c.text[s.Source.Start:s.Source.End]
		if s.Speaker != c.speaker || s.Rule != c.rule || cue != c.cue || source != c.source || s.Channel != c.channel {
			t.Errorf("%q:\n got %s by %s (cue %q, source %q, channel %q)\nwant %s by %s (cue %q, source %q, channel %q)",
				c.text, s.Speaker, s.Rule, cue, source, s.Channel, c.speaker, c.rule, c.cue, c.source, c.channel)
		}
	}
}

// Attribution takes any text: no panic, and every sentence gets a speaker the lexicon knows,
// with its cue and source inside the text.
func FuzzAttribute(f *testing.F) {
	for _, s := range []string{
		"وجاء في البيان:",
		"The statement:",
		"وقال شي: «نحن معا». وأضاف أن البلدين، بحسب بوتين، شريكان",
		"Xi met Putin, praising, with Putin telling",
		"وحسب لافروف، ووفقا لبيسكوف",
		"China and Russia. The parties: it said",
		"وودع الرئيس الروسي ضيفه قائلا",
		"وكان بوتين قد قال، وتدعم روسيا والصين",
		"The two leaders signed a joint statement. Trade grew.",
		"ووقعا بيانا مشتركا. ونمت التجارة",
		"Ushakov said Putin told Xi that",
		"وقال أوشاكوف إن بوتين وشي اتفقا على",
		"وفي رد، عبر الفيديو أكد لبوتين",
		"فرد عليه بوتين قائلا. نحن معا، بحسب تاس",
		"وجاء في البيان المشترك أن. وجاء ذلك",
		"He made the point that we said \"our",
	} {
		f.Add(s)
	}
	lx := DefaultLexicon()
	known := map[string]bool{SpeakerNone: true, SpeakerJoint: true, SpeakerOther: true}
	for _, id := range lx.SpeakerIDs() {
		known[id] = true
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := lx.Analyze(text)
		for _, s := range d.Sentences {
			if !known[s.Speaker] {
				t.Fatalf("speaker %q of %q", s.Speaker, text)
			}
			for _, sp := range []Span{s.Cue, s.Source} {
				if sp.Start < 0 || sp.End < sp.Start || sp.End > len(text) {
					t.Fatalf("span %v outside %d bytes of %q", sp, len(text), text)
				}
			}
		}
	})
}
