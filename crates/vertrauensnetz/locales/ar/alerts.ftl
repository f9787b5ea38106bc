alerts-title = التحذيرات
alerts-summary = تحذيرات المدينة الحالية والسابقة بلغات عديدة.
alerts-lead = تحذيرات المدينة والتحذيرات المنقولة من الأنظمة الاتحادية. عند الخطر على الحياة: اتصلوا بـ 112 أو 110.
alerts-feed = التحذيرات كخلاصة (Atom مع وثائق CAP)
alerts-current = التحذيرات الحالية
alerts-past = التحذيرات السابقة
alerts-none-current = لا يوجد تحذير حاليًا.
alerts-none-past = لا توجد تحذيرات سابقة بعد.
alerts-origin-own = المدينة
alerts-origin-import = منقول
alerts-status-published = منشور
alerts-status-replaced = استُبدل برسالة أحدث
alerts-status-cancel = زوال الخطر
alerts-item-title = تحذير
alerts-not-current = لم يعد ساريًا
alerts-see-newer = توجد رسالة أحدث بشأن هذا التحذير.
alerts-languages = لغة التحذير
alerts-what-to-do = ما يجب عليكم فعله
alerts-what-happens = ما الذي يحدث
alerts-details = التفاصيل
alerts-cell-broadcast = نص البث الخلوي ({ $n } حرفًا)
alerts-cap-document = وثيقة CAP ‏(XML)
alerts-feed-title = التحذيرات – { $city }
alerts-field-msg-type = نوع الرسالة
alerts-field-category = الفئة
alerts-field-event = الحدث
alerts-field-urgency = الإلحاح
alerts-field-severity = الخطورة
alerts-field-certainty = درجة اليقين
alerts-field-onset = البداية
alerts-field-expires = النهاية
alerts-field-area = المنطقة
alerts-field-sent = تاريخ النشر
alerts-msgtype-alert = تحذير
alerts-msgtype-update = تحديث
alerts-msgtype-cancel = زوال الخطر
alerts-msgtype-ack = تأكيد
alerts-msgtype-error = رسالة خطأ
alerts-category-geo = زلزال وانهيار أرضي
alerts-category-met = الطقس
alerts-category-safety = السلامة العامة
alerts-category-security = وضع أمني
alerts-category-rescue = الإنقاذ
alerts-category-fire = حريق
alerts-category-health = الصحة
alerts-category-env = البيئة
alerts-category-transport = النقل
alerts-category-infra = المرافق (الكهرباء والماء والهاتف)
alerts-category-cbrne = مواد خطرة
alerts-category-other = أخرى
alerts-urgency-immediate = تصرفوا فورًا
alerts-urgency-expected = تصرفوا قريبًا (خلال ساعة)
alerts-urgency-future = تصرفوا لاحقًا
alerts-urgency-past = لم يعد ضروريًا
alerts-urgency-unknown = غير معروف
alerts-severity-extreme = خطر شديد جدًا
alerts-severity-severe = خطر كبير
alerts-severity-moderate = خطر متوسط
alerts-severity-minor = خطر بسيط
alerts-severity-unknown = غير معروف
alerts-certainty-observed = تمت ملاحظته
alerts-certainty-likely = مرجح
alerts-certainty-possible = ممكن
alerts-certainty-unlikely = غير مرجح
alerts-certainty-unknown = غير معروف
alerts-cb-pages = { $n ->
    [zero] هذه { $n } صفحات رسائل قصيرة
    [one] هذه صفحة رسائل قصيرة واحدة
    [two] هاتان صفحتا رسائل قصيرة
    [few] هذه { $n } صفحات رسائل قصيرة
    [many] هذه { $n } صفحة رسائل قصيرة
   *[other] هذه { $n } صفحة رسائل قصيرة
}
alerts-map = خريطة منطقة التحذير
alerts-map-caption = منطقة التحذير (مظللة بخطوط) فوق أحياء المدينة. تُظهر الخريطة الموقع وليس الشوارع؛ وصف المنطقة موجود في التفاصيل.
