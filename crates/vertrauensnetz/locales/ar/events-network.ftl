# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = جدول الأعمال والمحضر
events-organisers = من تنظيم
events-agenda = جدول الأعمال
events-agenda-none = لم يُحدَّد جدول الأعمال بعد.
events-minutes = المحضر
events-minutes-none = لا يوجد محضر بعد، أو أنه متاح للمشاركين فقط.
events-minutes-attending = المنظمات الحاضرة
events-minutes-summary = سير الاجتماع
events-minutes-decisions = القرارات
events-minutes-actions = المهام المتفق عليها
events-minutes-topic-title = المحاضر
events-minutes-topic-none = لا توجد بعد محاضر منشورة حول هذا الموضوع.
