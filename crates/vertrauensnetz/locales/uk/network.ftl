# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = Мережа співпраці
network-public-summary = Поліція, місто та організації громадянського суспільства в діалозі — хто бере участь, про що домовилися і як долучитися.
network-public-intro = У мережі співпраці поліція, місто та організації громадянського суспільства разом працюють заради діалогу й довіри. Тут ви знайдете партнерів, угоду про співпрацю, спільні пресрелізи та відомості про стан виконання узгоджених заходів.
network-public-partners = Партнерські організації
network-public-none = Поки що жодна партнерська організація не має публічного профілю.
network-public-back = Назад до мережі співпраці
network-logo-alt = Логотип: { $organisation }

network-org-kind-migrant_organisation = Організація мігрантів
network-org-kind-youth_organisation = Молодіжна організація
network-org-kind-association = Громадське об’єднання
network-org-kind-religious_community = Релігійна громада
network-org-kind-counselling_service = Консультаційний центр
network-org-kind-police_unit = Підрозділ поліції
network-org-kind-city_office = Міська установа
network-org-kind-other = Інше

network-news-title = Спільні пресрелізи
network-news-summary = Повідомлення, які схвалили всі залучені партнери.
network-news-intro = Ці повідомлення публікуються лише після того, як кожна залучена партнерська організація схвалить їхній точний текст.
network-news-none = Опублікованих повідомлень поки немає.
network-news-feed = Підписатися на повідомлення через стрічку Atom
network-news-feed-title = Спільні пресрелізи — мережа співпраці { $city }
network-news-feed-author = Мережа співпраці { $city }
network-news-signatories = Спільно видали
network-news-back = Усі повідомлення

network-agreement-title = Угода про співпрацю
network-agreement-version-of = Редакція { $version } від
network-agreement-untranslated = Ця редакція ще недоступна вашою мовою. Ви бачите німецький текст.
network-agreement-preamble = Преамбула
network-agreement-goals = Цілі
network-agreement-measures = Заходи
network-agreement-closing = Прикінцеві положення
network-agreement-signatories = Сторони, що підписали
network-agreement-no-signatories = Підписів поки немає.
network-agreement-versions = Попередні редакції
network-agreement-changes-in = Зміни в редакції { $version }
network-agreement-none = Угоду ще не опубліковано.
network-agreement-diff-title = Зміни між двома редакціями
network-agreement-diff-from = Від редакції
network-agreement-diff-to = До редакції
network-agreement-diff-show = Порівняти
network-agreement-diff-count = { $n ->
    [0] Змін немає.
    [one] { $n } змінений рядок.
    [few] { $n } змінені рядки.
    [many] { $n } змінених рядків.
   *[other] { $n } зміненого рядка.
}
network-agreement-back = До чинної редакції
network-diff-added = Додано
network-diff-removed = Вилучено

network-accountability-title = Заходи та їх виконання
network-accountability-intro = Які цілі поставила перед собою мережа, якими заходами вона їх досягає і наскільки виконано завдання.
network-accountability-none = Цілі ще не внесено.
network-progress = Виконано: { $done }
network-progress-of = Хід виконання: { $title }
network-actions-of = Завдання: { $title }
network-action = Завдання
network-action-owner = Відповідальні
network-action-due = Термін
network-action-status = Статус
network-action-overdue = прострочено
network-action-status-open = відкрито
network-action-status-in_progress = у роботі
network-action-status-done = виконано
network-action-status-dropped = скасовано

network-join-title = Стати партнером
network-join-intro = Ваша організація хоче долучитися до мережі співпраці? Повідомте тут про свою зацікавленість. Після цього ви отримаєте особисте посилання, за яким зможете доповнити заявку та стежити за її станом.
network-join-step-interest = Повідомити про зацікавленість (ця форма)
network-join-step-application = Подати заявку разом зі статутом
network-join-step-review = Розгляд і голосування в керівній групі
network-join-step-decision = Рішення з обґрунтуванням електронною поштою
network-join-privacy = Ми використовуємо ваші дані лише для розгляду заявки. Контактні дані бачать лише координаційне бюро, а згодом — ваша власна організація.
network-join-submit = Повідомити про зацікавленість
network-required-hint = Поля, позначені *, є обов’язковими.
network-choose = Будь ласка, оберіть

network-field-org-name = Назва організації
network-field-contact-name = Ім’я контактної особи
network-field-function = Посада
network-field-email = Адреса електронної пошти
network-field-email-hint = На цю адресу ми надішлемо особисте посилання.
network-field-phone = Телефон
network-field-seat = Місцезнаходження (населений пункт)
network-field-seat-hint = Членами мережі можуть стати організації, що розташовані в цьому місті.
network-field-kind = Тип організації
network-field-street = Вулиця та номер будинку
network-field-postcode = Поштовий індекс
network-field-website = Вебсайт
network-field-languages = Мови спілкування
network-field-topics = Сфери діяльності
network-field-motivation = Чому ви хочете долучитися?
network-field-statutes = Статут (PDF)
network-field-statutes-hint = Лише PDF, не більше { $mb } MB.

network-app-title = Ваша заявка
network-app-status = Статус
network-app-status-interest = Зацікавленість повідомлено
network-app-status-submitted = Заявку отримано
network-app-status-in_review = На розгляді
network-app-status-accepted = Прийнято
network-app-status-rejected = Відхилено
network-app-step-decision = Рішення
network-step-done = виконано
network-app-form-title = Доповнити заявку
network-app-form-intro = Будь ласка, опишіть вашу організацію та завантажте її статут. Після надсилання змінити дані буде неможливо.
network-app-org-legend = Організація
network-app-contact-legend = Контактна особа
network-app-submit = Подати заявку
network-app-wait = Вашу заявку отримано. Ми повідомимо вам електронною поштою, щойно буде ухвалено рішення.
network-app-reason = Обґрунтування
network-app-accepted-next = Ласкаво просимо до мережі! Ви отримали електронний лист із посиланням для встановлення пароля. Після цього ви зможете увійти в систему та прийняти угоду про співпрацю.
network-app-keep-link = Збережіть посилання на цю сторінку: лише за його допомогою ви можете бачити стан своєї заявки.

network-error-name = Будь ласка, вкажіть назву організації (не більше 200 символів, в один рядок).
network-error-contact = Будь ласка, вкажіть ім’я контактної особи (не більше 200 символів).
network-error-email = Будь ласка, вкажіть дійсну адресу електронної пошти.
network-error-city = Будь ласка, вкажіть місцезнаходження організації.
network-error-kind = Будь ласка, оберіть тип організації.
network-error-too-long = Одне з введених значень задовге.
network-error-website = Адреса вебсайту має починатися з https:// або http://.
network-error-language = Будь ласка, оберіть мови зі списку.
network-error-topic = Невідома сфера діяльності: { $topic }
network-error-motivation = Будь ласка, коротко опишіть, чому ви хочете долучитися.
network-error-statutes-missing = Будь ласка, завантажте статут у форматі PDF.
network-error-statutes-size = Файл завеликий: не більше { $mb } MB.
network-error-statutes-type = Файл не у форматі PDF. Будь ласка, завантажте статут у форматі PDF.
network-error-already-submitted = Цю заявку вже подано, і змінити її більше не можна.

network-mail-greeting = Добрий день, { $name }!
network-mail-interest-subject = Ваша зацікавленість мережею співпраці { $city }
network-mail-interest-body = Дякуємо за зацікавленість організації «{ $organisation }» мережею співпраці. За наведеним нижче посиланням ви можете доповнити заявку та будь-коли переглянути її стан.
network-mail-private-link = Ваше особисте посилання (будь ласка, не передавайте його іншим):
network-mail-decision-subject = Рішення щодо вашої заявки — мережа співпраці { $city }
network-mail-accepted-body = Керівна група ухвалила рішення: організацію «{ $organisation }» прийнято до мережі співпраці. Ласкаво просимо!
network-mail-rejected-body = Керівна група розглянула заявку організації «{ $organisation }» і, на жаль, не може її прийняти.
network-mail-invitation = За цим посиланням ви можете встановити пароль (посилання дійсне 14 днів). Після цього увійдіть у систему та прийміть угоду про співпрацю:
network-measures-topic-title = Заходи мережі
network-measures-topic-none = З цієї теми ще немає заходів.
