# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = Сеть сотрудничества
network-public-summary = Полиция, город и организации гражданского общества в диалоге — кто участвует, о чём договорились и как присоединиться.
network-public-intro = В сети сотрудничества полиция, город и организации гражданского общества вместе работают ради диалога и доверия. Здесь вы найдёте партнёров, соглашение о сотрудничестве, совместные пресс-релизы и сведения о ходе выполнения согласованных мер.
network-public-partners = Партнёрские организации
network-public-none = Пока ни у одной партнёрской организации нет публичного профиля.
network-public-back = Назад к сети сотрудничества
network-logo-alt = Логотип: { $organisation }

network-org-kind-migrant_organisation = Организация мигрантов
network-org-kind-youth_organisation = Молодёжная организация
network-org-kind-association = Общественное объединение
network-org-kind-religious_community = Религиозная община
network-org-kind-counselling_service = Консультационный центр
network-org-kind-police_unit = Подразделение полиции
network-org-kind-city_office = Городская служба
network-org-kind-other = Другое

network-news-title = Совместные пресс-релизы
network-news-summary = Сообщения, одобренные всеми участвующими партнёрами.
network-news-intro = Эти сообщения публикуются только после того, как каждая участвующая партнёрская организация одобрит их точный текст.
network-news-none = Опубликованных сообщений пока нет.
network-news-feed = Подписаться на сообщения через ленту Atom
network-news-feed-title = Совместные пресс-релизы — сеть сотрудничества { $city }
network-news-feed-author = Сеть сотрудничества { $city }
network-news-signatories = Совместно выпустили
network-news-back = Все сообщения

network-agreement-title = Соглашение о сотрудничестве
network-agreement-version-of = Редакция { $version } от
network-agreement-untranslated = Эта редакция пока недоступна на вашем языке. Вы видите немецкий текст.
network-agreement-preamble = Преамбула
network-agreement-goals = Цели
network-agreement-measures = Меры
network-agreement-closing = Заключительные положения
network-agreement-signatories = Подписавшие стороны
network-agreement-no-signatories = Подписей пока нет.
network-agreement-versions = Предыдущие редакции
network-agreement-changes-in = Изменения в редакции { $version }
network-agreement-none = Соглашение пока не опубликовано.
network-agreement-diff-title = Изменения между двумя редакциями
network-agreement-diff-from = От редакции
network-agreement-diff-to = До редакции
network-agreement-diff-show = Сравнить
network-agreement-diff-count = { $n ->
    [0] Изменений нет.
    [one] { $n } изменённая строка.
    [few] { $n } изменённые строки.
    [many] { $n } изменённых строк.
   *[other] { $n } изменённой строки.
}
network-agreement-back = К действующей редакции
network-diff-added = Добавлено
network-diff-removed = Удалено

network-accountability-title = Меры и их выполнение
network-accountability-intro = Какие цели поставила перед собой сеть, с помощью каких мер она их добивается и насколько выполнены задачи.
network-accountability-none = Цели пока не внесены.
network-progress = Выполнено: { $done }
network-progress-of = Ход выполнения: { $title }
network-actions-of = Задачи: { $title }
network-action = Задача
network-action-owner = Ответственные
network-action-due = Срок
network-action-status = Статус
network-action-overdue = просрочено
network-action-status-open = открыто
network-action-status-in_progress = в работе
network-action-status-done = выполнено
network-action-status-dropped = отменено

network-join-title = Стать партнёром
network-join-intro = Ваша организация хотела бы участвовать в сети сотрудничества? Сообщите здесь о своей заинтересованности. После этого вы получите личную ссылку, по которой сможете дополнить заявку и следить за её статусом.
network-join-step-interest = Сообщить о заинтересованности (эта форма)
network-join-step-application = Подать заявку вместе с уставом
network-join-step-review = Рассмотрение и голосование в руководящей группе
network-join-step-decision = Решение с обоснованием по электронной почте
network-join-privacy = Мы используем ваши данные только для рассмотрения заявки. Контактные данные видят только координационное бюро и впоследствии ваша собственная организация.
network-join-submit = Сообщить о заинтересованности
network-required-hint = Поля, отмеченные *, обязательны для заполнения.
network-choose = Пожалуйста, выберите

network-field-org-name = Название организации
network-field-contact-name = Имя контактного лица
network-field-function = Должность
network-field-email = Адрес электронной почты
network-field-email-hint = На этот адрес мы отправим личную ссылку.
network-field-phone = Телефон
network-field-seat = Местонахождение (населённый пункт)
network-field-seat-hint = Членами сети могут стать организации, находящиеся в этом городе.
network-field-kind = Тип организации
network-field-street = Улица и номер дома
network-field-postcode = Почтовый индекс
network-field-website = Веб-сайт
network-field-languages = Языки общения
network-field-topics = Сферы деятельности
network-field-motivation = Почему вы хотите участвовать?
network-field-statutes = Устав (PDF)
network-field-statutes-hint = Только PDF, не более { $mb } MB.

network-app-title = Ваша заявка
network-app-status = Статус
network-app-status-interest = Заинтересованность заявлена
network-app-status-submitted = Заявка получена
network-app-status-in_review = На рассмотрении
network-app-status-accepted = Принята
network-app-status-rejected = Отклонена
network-app-step-decision = Решение
network-step-done = выполнено
network-app-form-title = Дополнить заявку
network-app-form-intro = Пожалуйста, опишите вашу организацию и загрузите её устав. После отправки изменить данные будет невозможно.
network-app-org-legend = Организация
network-app-contact-legend = Контактное лицо
network-app-submit = Подать заявку
network-app-wait = Ваша заявка получена. Мы сообщим вам по электронной почте, как только будет принято решение.
network-app-reason = Обоснование
network-app-accepted-next = Добро пожаловать в сеть! Вы получили электронное письмо со ссылкой для установки пароля. После этого вы сможете войти в систему и принять соглашение о сотрудничестве.
network-app-keep-link = Сохраните ссылку на эту страницу: только с её помощью вы можете видеть статус своей заявки.

network-error-name = Пожалуйста, укажите название организации (не более 200 символов, в одну строку).
network-error-contact = Пожалуйста, укажите имя контактного лица (не более 200 символов).
network-error-email = Пожалуйста, укажите действительный адрес электронной почты.
network-error-city = Пожалуйста, укажите местонахождение организации.
network-error-kind = Пожалуйста, выберите тип организации.
network-error-too-long = Одно из введённых значений слишком длинное.
network-error-website = Адрес веб-сайта должен начинаться с https:// или http://.
network-error-language = Пожалуйста, выберите языки из списка.
network-error-topic = Неизвестная сфера деятельности: { $topic }
network-error-motivation = Пожалуйста, кратко опишите, почему вы хотите участвовать.
network-error-statutes-missing = Пожалуйста, загрузите устав в формате PDF.
network-error-statutes-size = Файл слишком большой: не более { $mb } MB.
network-error-statutes-type = Файл не в формате PDF. Пожалуйста, загрузите устав в формате PDF.
network-error-already-submitted = Эта заявка уже подана, и изменить её больше нельзя.

network-mail-greeting = Здравствуйте, { $name }!
network-mail-interest-subject = Ваша заинтересованность в сети сотрудничества { $city }
network-mail-interest-body = Благодарим за интерес организации «{ $organisation }» к сети сотрудничества. По следующей ссылке вы можете дополнить заявку и в любое время узнать её статус.
network-mail-private-link = Ваша личная ссылка (пожалуйста, не передавайте её другим):
network-mail-decision-subject = Решение по вашей заявке — сеть сотрудничества { $city }
network-mail-accepted-body = Руководящая группа приняла решение: организация «{ $organisation }» принята в сеть сотрудничества. Добро пожаловать!
network-mail-rejected-body = Руководящая группа рассмотрела заявку организации «{ $organisation }» и, к сожалению, не может её принять.
network-mail-invitation = По этой ссылке вы можете установить пароль (ссылка действительна 14 дней). После этого войдите в систему и примите соглашение о сотрудничестве:
network-measures-topic-title = Меры сети
network-measures-topic-none = По этой теме пока нет мер.
