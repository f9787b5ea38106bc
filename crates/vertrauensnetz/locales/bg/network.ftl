# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = Мрежа за сътрудничество
network-public-summary = Полиция, град и организации на гражданското общество в диалог – кой участва, какво е договорено и как можете да се включите.
network-public-intro = В мрежата за сътрудничество полицията, градът и организациите на гражданското общество работят заедно за диалог и доверие. Тук ще намерите партньорите, споразумението за сътрудничество, съвместните прессъобщения и напредъка по договорените мерки.
network-public-partners = Партньорски организации
network-public-none = Все още няма партньорска организация с публичен профил.
network-public-back = Обратно към мрежата за сътрудничество
network-logo-alt = Лого на { $organisation }

network-org-kind-migrant_organisation = Организация на мигранти
network-org-kind-youth_organisation = Младежка организация
network-org-kind-association = Сдружение
network-org-kind-religious_community = Религиозна общност
network-org-kind-counselling_service = Консултационен център
network-org-kind-police_unit = Полицейско звено
network-org-kind-city_office = Общинско звено
network-org-kind-other = Друго

network-news-title = Съвместни прессъобщения
network-news-summary = Съобщения, одобрени от всички участващи партньори.
network-news-intro = Тези съобщения се публикуват едва след като всяка участваща партньорска организация е одобрила точния им текст.
network-news-none = Все още няма публикувани съобщения.
network-news-feed = Абонирайте се за съобщенията чрез емисия Atom
network-news-feed-title = Съвместни прессъобщения – мрежа за сътрудничество { $city }
network-news-feed-author = Мрежа за сътрудничество { $city }
network-news-signatories = Съвместно издадено от
network-news-back = Всички съобщения

network-agreement-title = Споразумение за сътрудничество
network-agreement-version-of = Редакция { $version } от
network-agreement-untranslated = Тази редакция все още не е налична на Вашия език. Виждате германския текст.
network-agreement-preamble = Преамбюл
network-agreement-goals = Цели
network-agreement-measures = Мерки
network-agreement-closing = Заключителни разпоредби
network-agreement-signatories = Подписали
network-agreement-no-signatories = Все още няма подписи.
network-agreement-versions = Предишни редакции
network-agreement-changes-in = Промени в редакция { $version }
network-agreement-none = Все още няма публикувано споразумение.
network-agreement-diff-title = Промени между две редакции
network-agreement-diff-from = От редакция
network-agreement-diff-to = До редакция
network-agreement-diff-show = Сравняване
network-agreement-diff-count = { $n ->
    [0] Няма промени.
    [one] Един променен ред.
   *[other] { $n } променени реда.
}
network-agreement-back = Към действащата редакция
network-diff-added = Добавено
network-diff-removed = Премахнато

network-accountability-title = Мерки и изпълнение
network-accountability-intro = Какви цели си е поставила мрежата, с какви мерки ги преследва и докъде е стигнало изпълнението на задачите.
network-accountability-none = Все още няма въведени цели.
network-progress = Изпълнени: { $done }
network-progress-of = Напредък: { $title }
network-actions-of = Задачи по { $title }
network-action = Задача
network-action-owner = Отговорник
network-action-due = Срок
network-action-status = Статус
network-action-overdue = просрочена
network-action-status-open = отворена
network-action-status-in_progress = в процес на изпълнение
network-action-status-done = изпълнена
network-action-status-dropped = прекратена

network-join-title = Станете партньор
network-join-intro = Вашата организация иска да участва в мрежата за сътрудничество? Заявете интереса си тук. След това ще получите личен линк, чрез който ще можете да допълните кандидатурата си и да следите нейния статус.
network-join-step-interest = Заявяване на интерес (този формуляр)
network-join-step-application = Подаване на кандидатура заедно с устава
network-join-step-review = Проверка и гласуване в управителната група
network-join-step-decision = Мотивирано решение по имейл
network-join-privacy = Използваме Вашите данни само за процедурата по кандидатстване. Данните за контакт виждат само координационното звено и по-късно Вашата собствена организация.
network-join-submit = Заявяване на интерес
network-required-hint = Полетата, отбелязани със *, са задължителни.
network-choose = Моля, изберете

network-field-org-name = Име на организацията
network-field-contact-name = Име на лицето за контакт
network-field-function = Длъжност
network-field-email = Имейл адрес
network-field-email-hint = На този адрес ще изпратим личния линк.
network-field-phone = Телефон
network-field-seat = Седалище (населено място)
network-field-seat-hint = Членове могат да станат организации със седалище в този град.
network-field-kind = Вид организация
network-field-street = Улица и номер
network-field-postcode = Пощенски код
network-field-website = Уебсайт
network-field-languages = Говорими езици
network-field-topics = Сфери на дейност
network-field-motivation = Защо искате да участвате?
network-field-statutes = Устав (PDF)
network-field-statutes-hint = Само PDF, най-много { $mb } MB.

network-app-title = Вашата кандидатура
network-app-status = Статус
network-app-status-interest = Заявен интерес
network-app-status-submitted = Кандидатурата е получена
network-app-status-in_review = В процес на проверка
network-app-status-accepted = Приета
network-app-status-rejected = Отхвърлена
network-app-step-decision = Решение
network-step-done = изпълнено
network-app-form-title = Допълване на кандидатурата
network-app-form-intro = Моля, опишете организацията си и качете устава ѝ. След изпращане вече няма да можете да променяте данните.
network-app-org-legend = Организация
network-app-contact-legend = Лице за контакт
network-app-submit = Подаване на кандидатурата
network-app-wait = Получихме кандидатурата Ви. Ще Ви пишем по имейл веднага щом бъде взето решение.
network-app-reason = Мотиви
network-app-accepted-next = Добре дошли в мрежата! Получихте имейл с линк, чрез който да зададете паролата си. След това можете да влезете в системата и да приемете споразумението за сътрудничество.
network-app-keep-link = Запазете линка към тази страница: само чрез него можете да виждате статуса на кандидатурата си.

network-error-name = Моля, въведете името на организацията (най-много 200 знака, на един ред).
network-error-contact = Моля, въведете името на лицето за контакт (най-много 200 знака).
network-error-email = Моля, въведете валиден имейл адрес.
network-error-city = Моля, въведете седалището на организацията.
network-error-kind = Моля, изберете вида на организацията.
network-error-too-long = Един от въведените текстове е твърде дълъг.
network-error-website = Адресът на уебсайта трябва да започва с https:// или http://.
network-error-language = Моля, изберете езици от списъка.
network-error-topic = Непозната сфера на дейност: { $topic }
network-error-motivation = Моля, опишете накратко защо искате да участвате.
network-error-statutes-missing = Моля, качете устава си във формат PDF.
network-error-statutes-size = Файлът е твърде голям: най-много { $mb } MB.
network-error-statutes-type = Файлът не е PDF. Моля, качете устава във формат PDF.
network-error-already-submitted = Тази кандидатура вече е подадена и не може да бъде променяна.

network-mail-greeting = Здравейте, { $name },
network-mail-interest-subject = Вашият интерес към мрежата за сътрудничество { $city }
network-mail-interest-body = Благодарим Ви за интереса на „{ $organisation }“ към мрежата за сътрудничество. Чрез следващия линк можете да допълните кандидатурата и по всяко време да виждате нейния статус.
network-mail-private-link = Вашият личен линк (моля, не го предоставяйте на други хора):
network-mail-decision-subject = Решение по Вашата кандидатура – мрежа за сътрудничество { $city }
network-mail-accepted-body = Управителната група реши: „{ $organisation }“ се приема в мрежата за сътрудничество. Добре дошли!
network-mail-rejected-body = Управителната група взе решение по кандидатурата на „{ $organisation }“ и за съжаление не може да я приеме.
network-mail-invitation = Чрез този линк можете да зададете паролата си (валиден 14 дни). След това влезте в системата и приемете споразумението за сътрудничество:
network-measures-topic-title = Мерки на мрежата
network-measures-topic-none = По тази тема все още няма мерки.
