# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = شبكة التعاون
network-public-summary = الشرطة والمدينة ومنظمات المجتمع المدني في حوار – من يشارك، وما الذي تم الاتفاق عليه، وكيف يمكنكم المشاركة.
network-public-intro = في شبكة التعاون تعمل الشرطة والمدينة ومنظمات المجتمع المدني معًا من أجل الحوار والثقة. تجدون هنا الشركاء، واتفاقية التعاون، والبيانات الصحفية المشتركة، ومدى تقدّم تنفيذ الإجراءات المتفق عليها.
network-public-partners = المنظمات الشريكة
network-public-none = لا توجد حتى الآن أي منظمة شريكة لديها ملف تعريفي علني.
network-public-back = العودة إلى شبكة التعاون
network-logo-alt = شعار { $organisation }

network-org-kind-migrant_organisation = منظمة مهاجرين
network-org-kind-youth_organisation = منظمة شبابية
network-org-kind-association = جمعية
network-org-kind-religious_community = جماعة دينية
network-org-kind-counselling_service = مركز استشارات
network-org-kind-police_unit = وحدة شرطة
network-org-kind-city_office = جهة تابعة للمدينة
network-org-kind-other = أخرى

network-news-title = البيانات الصحفية المشتركة
network-news-summary = بيانات وافق عليها جميع الشركاء المعنيين.
network-news-intro = لا تُنشر هذه البيانات إلا بعد أن توافق كل منظمة شريكة معنية على نصها الدقيق.
network-news-none = لم تُنشر أي بيانات حتى الآن.
network-news-feed = الاشتراك في البيانات كخلاصة Atom
network-news-feed-title = البيانات الصحفية المشتركة – شبكة التعاون في { $city }
network-news-feed-author = شبكة التعاون في { $city }
network-news-signatories = صدر بشكل مشترك عن
network-news-back = جميع البيانات

network-agreement-title = اتفاقية التعاون
network-agreement-version-of = النسخة { $version } بتاريخ
network-agreement-untranslated = هذه النسخة غير متوفرة بلغتكم بعد. يُعرض لكم النص الألماني.
network-agreement-preamble = الديباجة
network-agreement-goals = الأهداف
network-agreement-measures = الإجراءات
network-agreement-closing = الأحكام الختامية
network-agreement-signatories = الموقّعون
network-agreement-no-signatories = لا توجد توقيعات حتى الآن.
network-agreement-versions = النسخ السابقة
network-agreement-changes-in = التغييرات في النسخة { $version }
network-agreement-none = لم تُنشر أي اتفاقية حتى الآن.
network-agreement-diff-title = التغييرات بين نسختين
network-agreement-diff-from = من النسخة
network-agreement-diff-to = إلى النسخة
network-agreement-diff-show = مقارنة
network-agreement-diff-count = { $n ->
    [0] لا توجد تغييرات.
    [one] سطر واحد معدَّل.
    [two] سطران معدَّلان.
    [few] { $n } أسطر معدَّلة.
    [many] { $n } سطرًا معدَّلًا.
   *[other] { $n } سطر معدَّل.
}
network-agreement-back = إلى النسخة الحالية
network-diff-added = مُضاف
network-diff-removed = محذوف

network-accountability-title = الإجراءات والتنفيذ
network-accountability-intro = الأهداف التي وضعتها الشبكة لنفسها، والإجراءات التي تسعى من خلالها إلى تحقيقها، ومدى تقدّم تنفيذ المهام.
network-accountability-none = لم تُسجَّل أي أهداف حتى الآن.
network-progress = المُنجَز: { $done }
network-progress-of = التقدّم: { $title }
network-actions-of = المهام الخاصة بـ { $title }
network-action = المهمة
network-action-owner = الجهة المسؤولة
network-action-due = الموعد النهائي
network-action-status = الحالة
network-action-overdue = متأخرة
network-action-status-open = مفتوحة
network-action-status-in_progress = قيد التنفيذ
network-action-status-done = منجزة
network-action-status-dropped = ملغاة

network-join-title = كونوا شركاء
network-join-intro = هل ترغب منظمتكم في المشاركة في شبكة التعاون؟ عبّروا عن اهتمامكم هنا. ستتلقّون بعد ذلك رابطًا شخصيًا يمكنكم من خلاله استكمال طلب الانضمام ومتابعة حالته.
network-join-step-interest = إبداء الاهتمام (هذا النموذج)
network-join-step-application = تقديم طلب الانضمام مع النظام الأساسي
network-join-step-review = المراجعة والتصويت في فريق التوجيه
network-join-step-decision = القرار مع التعليل عبر البريد الإلكتروني
network-join-privacy = نستخدم بياناتكم فقط لإجراءات طلب الانضمام. لا يطّلع على بيانات الاتصال إلا مكتب التنسيق، ولاحقًا منظمتكم نفسها.
network-join-submit = إرسال إبداء الاهتمام
network-required-hint = الحقول المعلَّمة بعلامة * إلزامية.
network-choose = يُرجى الاختيار

network-field-org-name = اسم المنظمة
network-field-contact-name = اسم الشخص المسؤول عن التواصل
network-field-function = المنصب
network-field-email = عنوان البريد الإلكتروني
network-field-email-hint = سنرسل الرابط الشخصي إلى هذا العنوان.
network-field-phone = الهاتف
network-field-seat = المقر (المدينة أو البلدة)
network-field-seat-hint = يمكن للمنظمات التي يقع مقرها في هذه المدينة أن تصبح أعضاء.
network-field-kind = نوع المنظمة
network-field-street = الشارع ورقم المبنى
network-field-postcode = الرمز البريدي
network-field-website = الموقع الإلكتروني
network-field-languages = اللغات المستخدمة
network-field-topics = مجالات العمل
network-field-motivation = لماذا ترغبون في المشاركة؟
network-field-statutes = النظام الأساسي (PDF)
network-field-statutes-hint = بصيغة PDF فقط، بحد أقصى { $mb } MB.

network-app-title = طلبكم
network-app-status = الحالة
network-app-status-interest = تم إبداء الاهتمام
network-app-status-submitted = تم استلام الطلب
network-app-status-in_review = قيد المراجعة
network-app-status-accepted = تم القبول
network-app-status-rejected = تم الرفض
network-app-step-decision = القرار
network-step-done = منجَز
network-app-form-title = استكمال طلب الانضمام
network-app-form-intro = يُرجى وصف منظمتكم ورفع نظامها الأساسي. بعد الإرسال لن يكون بإمكانكم تعديل البيانات.
network-app-org-legend = المنظمة
network-app-contact-legend = الشخص المسؤول عن التواصل
network-app-submit = تقديم الطلب
network-app-wait = وصلنا طلبكم. سنتواصل معكم عبر البريد الإلكتروني فور اتخاذ القرار.
network-app-reason = التعليل
network-app-accepted-next = مرحبًا بكم في الشبكة! لقد تلقّيتم رسالة بريد إلكتروني تتضمن رابطًا لتعيين كلمة المرور. بعد ذلك يمكنكم تسجيل الدخول وقبول اتفاقية التعاون.
network-app-keep-link = احتفظوا برابط هذه الصفحة: لا يمكنكم الاطلاع على حالة طلبكم إلا من خلاله.

network-error-name = يُرجى إدخال اسم المنظمة (200 حرف كحد أقصى، في سطر واحد).
network-error-contact = يُرجى إدخال اسم الشخص المسؤول عن التواصل (200 حرف كحد أقصى).
network-error-email = يُرجى إدخال عنوان بريد إلكتروني صالح.
network-error-city = يُرجى إدخال مقر المنظمة.
network-error-kind = يُرجى اختيار نوع المنظمة.
network-error-too-long = أحد الإدخالات طويل جدًا.
network-error-website = يجب أن يبدأ عنوان الموقع الإلكتروني بـ https:// أو http://.
network-error-language = يُرجى اختيار اللغات من القائمة.
network-error-topic = مجال عمل غير معروف: { $topic }
network-error-motivation = يُرجى توضيح سبب رغبتكم في المشاركة باختصار.
network-error-statutes-missing = يُرجى رفع النظام الأساسي بصيغة PDF.
network-error-statutes-size = الملف كبير جدًا: الحد الأقصى { $mb } MB.
network-error-statutes-type = الملف ليس بصيغة PDF. يُرجى رفع النظام الأساسي بصيغة PDF.
network-error-already-submitted = تم تقديم هذا الطلب بالفعل، ولم يعد بالإمكان تعديله.

network-mail-greeting = مرحبًا { $name }،
network-mail-interest-subject = اهتمامكم بشبكة التعاون في { $city }
network-mail-interest-body = شكرًا جزيلًا على اهتمام «{ $organisation }» بشبكة التعاون. من خلال الرابط التالي يمكنكم استكمال طلب الانضمام والاطلاع على حالته في أي وقت.
network-mail-private-link = رابطكم الشخصي (يُرجى عدم مشاركته مع الآخرين):
network-mail-decision-subject = القرار بشأن طلبكم – شبكة التعاون في { $city }
network-mail-accepted-body = قرّر فريق التوجيه قبول «{ $organisation }» في شبكة التعاون. أهلًا وسهلًا بكم!
network-mail-rejected-body = اتخذ فريق التوجيه قرارًا بشأن طلب «{ $organisation }»، ويؤسفنا أنه لا يستطيع قبوله.
network-mail-invitation = من خلال هذا الرابط يمكنكم تعيين كلمة المرور (صالح لمدة 14 يومًا). بعد ذلك سجّلوا الدخول واقبلوا اتفاقية التعاون:
network-measures-topic-title = إجراءات الشبكة
network-measures-topic-none = لا توجد بعد إجراءات حول هذا الموضوع.
