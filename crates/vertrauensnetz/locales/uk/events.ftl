# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = Добрий день, { $name }!
events-mail-confirmed-subject = Реєстрацію підтверджено
events-mail-confirmed-body = Вашу реєстрацію на захід «{ $title }» підтверджено. Ваше місце заброньовано.
events-mail-waitlisted-subject = Ви в списку очікування
events-mail-waitlisted-body = На захід «{ $title }» усі місця зайняті. Ви в списку очікування й отримаєте повідомлення, щойно для вас звільниться місце.
events-mail-promoted-subject = Звільнилося місце
events-mail-promoted-body = На захід «{ $title }» звільнилося місце. Вашу реєстрацію тепер підтверджено.
# In Ukrainian the plural category "one" also covers 21, 31, 101 …, so the
# "you are next" variant is keyed on the exact number 1 instead.
events-mail-position = { $position ->
    [1] У списку очікування ваша черга — наступна.
   *[other] Ваш номер у списку очікування: { $position }.
}
events-mail-when = Коли
events-mail-where = Де
events-mail-cancel = Якщо ви не зможете прийти, будь ласка, звільніть місце. Ваше особисте посилання для перегляду та скасування реєстрації:

events-title = Заходи
events-summary = Форуми, круглі столи та профілактичні заходи поліції й партнерських організацій — з реєстрацією.
events-intro = Поліція, місто та партнерські організації запрошують вас на форуми, круглі столи та профілактичні заходи. Усі заходи безкоштовні.
events-calendar-link = Підписатися на всі заходи як на календар (iCal)
events-upcoming = Майбутні заходи
events-past = Минулі заходи
events-none = Наразі заходи не заплановані.
events-back = Усі заходи
events-kind = Тип
events-kind-forum = Форум
events-kind-open-conference = Відкрита конференція
events-kind-discussion-round = Круглий стіл
events-kind-prevention-event = Профілактичний захід
events-kind-training = Навчання
events-kind-intercultural-week = Міжкультурний тиждень
events-kind-committee-session = Засідання комітету
events-places-left = Вільні місця
events-waitlist-open = можна записатися до списку очікування
events-add-to-calendar = Додати до свого календаря (iCal)
events-register-title = Реєстрація
events-cancelled = Цей захід скасовано.
events-no-registration = Для участі в цьому заході реєстрація не потрібна.
events-over = Цей захід уже відбувся.
events-opens = Реєстрація розпочнеться { $when }.
events-closed = Реєстрацію закрито з { $when }.
events-full = Усі місця на захід зайняті, списку очікування немає.
events-form-name = Ваше ім’я
events-form-email = Ваша адреса електронної пошти
events-form-email-hint = На цю адресу ми надішлемо підтвердження та ваше особисте посилання для скасування реєстрації.
events-form-organisation = Організація або громадське об’єднання (необов’язково)
events-form-accessibility = Чи потрібна вам підтримка, наприклад вхід без сходинок? (необов’язково)
events-form-interpreter = Мова усного перекладу (необов’язково)
events-form-no-interpreter = Усний переклад не потрібен
events-form-submit = Підтвердити реєстрацію
events-form-name-invalid = Будь ласка, вкажіть ваше ім’я (не більше 200 символів).
events-form-email-invalid = Будь ласка, вкажіть дійсну адресу електронної пошти.
events-form-too-long = Одне з введених значень задовге. Будь ласка, скоротіть його.
events-registration-title = Ваша реєстрація
events-registration-confirmed = { $name }, вашу реєстрацію підтверджено. Ваше місце заброньовано.
events-registration-waitlisted = { $name }, ви в списку очікування. Ми напишемо вам, щойно звільниться місце.
events-registration-cancelled = Цю реєстрацію скасовано. Місце знову вільне.
events-registration-event = Захід
events-registration-keep-link = Збережіть посилання на цю сторінку: лише за його допомогою ви можете переглянути та скасувати свою реєстрацію. Ми також надіслали його вам електронною поштою.
events-registration-cancel = Скасувати реєстрацію та звільнити місце

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = Для вас звільнилося місце
events-mail-offered-body = На «{ $title }» звільнилося місце. Ми тримаємо його для вас – будь ласка, підтвердьте його вчасно.
events-mail-offer-deadline = Будь ласка, підтвердьте до { $deadline }. Після цього місце перейде наступній особі зі списку очікування.
events-mail-offer-link = Підтвердити місце або відмовитися від нього можна тут (ваше особисте посилання):
events-mail-expired-subject = Термін пропозиції минув
events-mail-expired-body = Ви не підтвердили вільне місце на «{ $title }» вчасно. Тепер місце переходить наступній особі зі списку очікування.
events-mail-event-cancelled-subject = Захід скасовано
events-mail-event-cancelled-body = Захід «{ $title }» скасовано. Ваша реєстрація більше не дійсна.
events-mail-cancel-reason = Причина: { $reason }
events-mail-reminder-subject = Нагадування: завтра
events-mail-reminder-body = Нагадуємо вам про «{ $title }». Ваше місце заброньоване.
events-mail-unsubscribe = Відмовитися від нагадувань і запрошень (підтвердження ви й надалі отримуватимете):

events-cancel-reason = Причина скасування
events-topics = Теми
events-access-title = Доступність
events-access-step-free = Вхід без сходинок
events-access-hearing-loop = Індукційна петля для слухових апаратів
events-access-interpreters = Усний переклад
events-access-no-interpreters = Переклад не пропонується
events-access-note = Примітки щодо доступності
events-yes = Так
events-no = Ні
events-unknown = Невідомо
events-interpreter-dgs = Німецька жестова мова

events-form-organisation-required = Організація або об'єднання
events-form-accessibility-required = Якої підтримки ви потребуєте, наприклад входу без сходинок?
events-form-interpreter-required = Переклад на мову
events-form-choose = Будь ласка, оберіть
events-form-optional = за бажанням
events-form-answer-invalid = Ця відповідь не підходить до запитання. Будь ласка, перевірте її.
events-form-answer-required = Будь ласка, дайте відповідь на це запитання.

events-registration-offered = { $name }, для вас звільнилося місце. Ми тримаємо його для вас.
events-registration-offer-until = Будь ласка, підтвердьте місце до { $deadline }.
events-registration-expired = Ви не підтвердили запропоноване місце вчасно. Воно перейшло наступній особі зі списку очікування.
events-registration-offer-confirm = Підтвердити місце
events-registration-offer-decline = Відмовитися від місця і звільнити його
events-registration-offer-gone = Ця пропозиція більше не дійсна. Термін минув або місце вже віддано.
events-registration-cancel-closed = З { $when } скасувати реєстрацію за цим посиланням уже неможливо. Якщо ви не зможете прийти, будь ласка, повідомте організаторів.
events-registration-cancel-until = Ви можете самі скасувати реєстрацію до { $when }.

events-unsubscribe-title = Більше жодних нагадувань
events-unsubscribe-explain = На цю адресу більше не надходитимуть нагадування та запрошення на заходи. Підтвердження, пропозиції вільних місць і повідомлення про скасування ви й надалі отримуватимете.
events-unsubscribe-submit = Відмовитися від нагадувань і запрошень
events-unsubscribe-done = Готово: ми більше не надсилатимемо нагадування та запрошення на цю адресу. Підтвердження та повідомлення про скасування ви й надалі отримуватимете.
