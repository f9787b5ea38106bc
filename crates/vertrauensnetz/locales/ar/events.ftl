# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = مرحبًا { $name }،
events-mail-confirmed-subject = تم تأكيد التسجيل
events-mail-confirmed-body = تم تأكيد تسجيلكم في «{ $title }». مقعدكم محجوز لكم.
events-mail-waitlisted-subject = في قائمة الانتظار
events-mail-waitlisted-body = جميع المقاعد في «{ $title }» محجوزة بالكامل. أنتم الآن في قائمة الانتظار، وسنُبلغكم فور توفّر مقعد لكم.
events-mail-promoted-subject = أصبح هناك مقعد شاغر
events-mail-promoted-body = أصبح هناك مقعد شاغر في «{ $title }». تم الآن تأكيد تسجيلكم.
events-mail-position = { $position ->
    [one] دوركم هو التالي في قائمة الانتظار.
   *[other] ترتيبكم في قائمة الانتظار: { $position }.
}
events-mail-when = الموعد
events-mail-where = المكان
events-mail-cancel = إذا لم تتمكنوا من الحضور، يُرجى إخلاء مكانكم. رابطكم الشخصي لعرض التسجيل وإلغائه:

events-title = الفعاليات
events-summary = منتديات وحلقات نقاش وفعاليات وقائية تنظّمها الشرطة والمنظمات الشريكة – مع التسجيل المسبق.
events-intro = تدعوكم الشرطة والمدينة والمنظمات الشريكة إلى منتديات وحلقات نقاش وفعاليات وقائية. جميع الفعاليات مجانية.
events-calendar-link = الاشتراك في جميع الفعاليات كتقويم (iCal)
events-upcoming = الفعاليات القادمة
events-past = الفعاليات السابقة
events-none = لا توجد فعاليات مخطط لها حاليًا.
events-back = جميع الفعاليات
events-kind = النوع
events-kind-forum = منتدى
events-kind-open-conference = مؤتمر مفتوح
events-kind-discussion-round = حلقة نقاش
events-kind-prevention-event = فعالية وقائية
events-kind-training = دورة تدريبية
events-kind-intercultural-week = الأسبوع بين الثقافات
events-kind-committee-session = اجتماع لجنة
events-places-left = المقاعد المتاحة
events-waitlist-open = يمكن التسجيل في قائمة الانتظار
events-add-to-calendar = إضافة إلى تقويمكم الخاص (iCal)
events-register-title = التسجيل
events-cancelled = تم إلغاء هذه الفعالية.
events-no-registration = لا يلزم التسجيل لهذه الفعالية.
events-over = أُقيمت هذه الفعالية بالفعل.
events-opens = يبدأ التسجيل في { $when }.
events-closed = أُغلق التسجيل منذ { $when }.
events-full = جميع المقاعد في هذه الفعالية محجوزة بالكامل، ولا توجد قائمة انتظار.
events-form-name = اسمكم
events-form-email = عنوان بريدكم الإلكتروني
events-form-email-hint = سنرسل إلى هذا العنوان رسالة التأكيد ورابطكم الشخصي لإلغاء التسجيل.
events-form-organisation = المنظمة أو الجمعية (اختياري)
events-form-accessibility = هل تحتاجون إلى مساعدة، مثل مدخل خالٍ من الدرجات؟ (اختياري)
events-form-interpreter = الترجمة الشفوية إلى لغة (اختياري)
events-form-no-interpreter = لا حاجة إلى ترجمة شفوية
events-form-submit = تسجيل ملزم
events-form-name-invalid = يُرجى إدخال اسمكم (200 حرف كحد أقصى).
events-form-email-invalid = يُرجى إدخال عنوان بريد إلكتروني صالح.
events-form-too-long = أحد الإدخالات طويل جدًا. يُرجى اختصاره.
events-registration-title = تسجيلكم
events-registration-confirmed = { $name }، تم تأكيد تسجيلكم. مقعدكم محجوز لكم.
events-registration-waitlisted = { $name }، أنتم في قائمة الانتظار. سنكتب إليكم فور توفّر مقعد شاغر.
events-registration-cancelled = تم إلغاء هذا التسجيل. أصبح المقعد شاغرًا من جديد.
events-registration-event = الفعالية
events-registration-keep-link = يُرجى الاحتفاظ برابط هذه الصفحة: لا يمكنكم الاطلاع على تسجيلكم أو إلغاؤه إلا من خلاله. لقد أرسلناه إليكم أيضًا عبر البريد الإلكتروني.
events-registration-cancel = إلغاء التسجيل وإتاحة المقعد

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = أصبح هناك مكان شاغر لك
events-mail-offered-body = أصبح هناك مكان شاغر في «{ $title }». نحن نحجزه لك – يرجى تأكيده في الوقت المحدد.
events-mail-offer-deadline = يرجى التأكيد حتى { $deadline }. بعد ذلك ينتقل المكان إلى الشخص التالي في قائمة الانتظار.
events-mail-offer-link = أكّد المكان أو تخلَّ عنه من هنا (رابطك الشخصي):
events-mail-expired-subject = انتهت صلاحية العرض
events-mail-expired-body = لم تؤكد المكان الشاغر في «{ $title }» في الوقت المحدد. ينتقل المكان الآن إلى الشخص التالي في قائمة الانتظار.
events-mail-event-cancelled-subject = تم إلغاء الفعالية
events-mail-event-cancelled-body = تم إلغاء الفعالية «{ $title }». لم يعد تسجيلك ساريًا.
events-mail-cancel-reason = السبب: { $reason }
events-mail-reminder-subject = تذكير: غدًا
events-mail-reminder-body = نذكّرك بـ «{ $title }». مكانك محجوز.
events-mail-unsubscribe = إيقاف التذكيرات والدعوات (ستظل تتلقى رسائل التأكيد):

events-cancel-reason = سبب الإلغاء
events-topics = المواضيع
events-access-title = إمكانية الوصول
events-access-step-free = مدخل بدون درجات
events-access-hearing-loop = حلقة حثّية لأجهزة السمع
events-access-interpreters = الترجمة الفورية
events-access-no-interpreters = لا تُقدَّم ترجمة فورية
events-access-note = ملاحظات حول إمكانية الوصول
events-yes = نعم
events-no = لا
events-unknown = غير معروف
events-interpreter-dgs = لغة الإشارة الألمانية

events-form-organisation-required = المنظمة أو الجمعية
events-form-accessibility-required = ما الدعم الذي تحتاجه، مثل مدخل بدون درجات؟
events-form-interpreter-required = الترجمة الفورية إلى لغة
events-form-choose = يرجى الاختيار
events-form-optional = اختياري
events-form-answer-invalid = هذه الإجابة لا تناسب السؤال. يرجى التحقق منها.
events-form-answer-required = يرجى الإجابة عن هذا السؤال.

events-registration-offered = { $name }، أصبح هناك مكان شاغر لك. نحن نحجزه لك.
events-registration-offer-until = يرجى تأكيد المكان حتى { $deadline }.
events-registration-expired = لم تؤكد المكان المعروض في الوقت المحدد. انتقل المكان إلى الشخص التالي في قائمة الانتظار.
events-registration-offer-confirm = تأكيد المكان نهائيًا
events-registration-offer-decline = رفض المكان وإتاحته لغيري
events-registration-offer-gone = هذا العرض لم يعد ساريًا. انتهت المهلة أو أُعطي المكان لشخص آخر.
events-registration-cancel-closed = لم يعد إلغاء التسجيل عبر هذا الرابط ممكنًا منذ { $when }. إذا لم تتمكن من الحضور، يرجى التواصل مع المنظمين.
events-registration-cancel-until = يمكنك إلغاء تسجيلك بنفسك حتى { $when }.

events-unsubscribe-title = لا مزيد من التذكيرات
events-unsubscribe-explain = لن تصل بعد الآن تذكيرات ودعوات الفعاليات إلى هذا العنوان. ستظل تتلقى رسائل التأكيد وعروض الأماكن الشاغرة والإلغاءات.
events-unsubscribe-submit = إيقاف التذكيرات والدعوات
events-unsubscribe-done = تم: لن نرسل بعد الآن تذكيرات ودعوات إلى هذا العنوان. ستظل تتلقى رسائل التأكيد والإلغاء.
