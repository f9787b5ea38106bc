# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = Здравствуйте, { $name }!
events-mail-confirmed-subject = Регистрация подтверждена
events-mail-confirmed-body = Ваша регистрация на мероприятие «{ $title }» подтверждена. Ваше место забронировано.
events-mail-waitlisted-subject = Вы в листе ожидания
events-mail-waitlisted-body = На мероприятие «{ $title }» все места заняты. Вы в листе ожидания и получите сообщение, как только для вас освободится место.
events-mail-promoted-subject = Освободилось место
events-mail-promoted-body = На мероприятии «{ $title }» освободилось место. Ваша регистрация теперь подтверждена.
# In Russian the plural category "one" also covers 21, 31, 101 …, so the
# "you are next" variant is keyed on the exact number 1 instead.
events-mail-position = { $position ->
    [1] В листе ожидания ваша очередь — следующая.
   *[other] Ваш номер в листе ожидания: { $position }.
}
events-mail-when = Когда
events-mail-where = Где
events-mail-cancel = Если вы не сможете прийти, пожалуйста, освободите место. Ваша личная ссылка для просмотра и отмены регистрации:

events-title = Мероприятия
events-summary = Форумы, круглые столы и профилактические мероприятия полиции и партнёрских организаций — с регистрацией.
events-intro = Полиция, город и партнёрские организации приглашают вас на форумы, круглые столы и профилактические мероприятия. Все мероприятия бесплатные.
events-calendar-link = Подписаться на все мероприятия как на календарь (iCal)
events-upcoming = Предстоящие мероприятия
events-past = Прошедшие мероприятия
events-none = Сейчас мероприятия не запланированы.
events-back = Все мероприятия
events-kind = Тип
events-kind-forum = Форум
events-kind-open-conference = Открытая конференция
events-kind-discussion-round = Круглый стол
events-kind-prevention-event = Профилактическое мероприятие
events-kind-training = Обучение
events-kind-intercultural-week = Межкультурная неделя
events-kind-committee-session = Заседание комитета
events-places-left = Свободные места
events-waitlist-open = можно записаться в лист ожидания
events-add-to-calendar = Добавить в свой календарь (iCal)
events-register-title = Регистрация
events-cancelled = Это мероприятие отменено.
events-no-registration = Для участия в этом мероприятии регистрация не нужна.
events-over = Это мероприятие уже состоялось.
events-opens = Регистрация начнётся { $when }.
events-closed = Регистрация закрыта с { $when }.
events-full = Все места на мероприятие заняты, листа ожидания нет.
events-form-name = Ваше имя
events-form-email = Ваш адрес электронной почты
events-form-email-hint = На этот адрес мы отправим подтверждение и вашу личную ссылку для отмены регистрации.
events-form-organisation = Организация или общественное объединение (необязательно)
events-form-accessibility = Нужна ли вам помощь, например вход без ступенек? (необязательно)
events-form-interpreter = Язык устного перевода (необязательно)
events-form-no-interpreter = Устный перевод не нужен
events-form-submit = Подтвердить регистрацию
events-form-name-invalid = Пожалуйста, укажите ваше имя (не более 200 символов).
events-form-email-invalid = Пожалуйста, укажите действительный адрес электронной почты.
events-form-too-long = Одно из введённых значений слишком длинное. Пожалуйста, сократите его.
events-registration-title = Ваша регистрация
events-registration-confirmed = { $name }, ваша регистрация подтверждена. Ваше место забронировано.
events-registration-waitlisted = { $name }, вы в листе ожидания. Мы напишем вам, как только освободится место.
events-registration-cancelled = Эта регистрация отменена. Место снова свободно.
events-registration-event = Мероприятие
events-registration-keep-link = Сохраните ссылку на эту страницу: только с её помощью вы можете просмотреть и отменить свою регистрацию. Мы также отправили её вам по электронной почте.
events-registration-cancel = Отменить регистрацию и освободить место

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = Для вас освободилось место
events-mail-offered-body = На «{ $title }» освободилось место. Мы держим его для вас – пожалуйста, подтвердите его вовремя.
events-mail-offer-deadline = Пожалуйста, подтвердите до { $deadline }. После этого место перейдёт следующему человеку из списка ожидания.
events-mail-offer-link = Подтвердить место или отказаться от него можно здесь (ваша личная ссылка):
events-mail-expired-subject = Срок предложения истёк
events-mail-expired-body = Вы не подтвердили свободное место на «{ $title }» вовремя. Теперь место переходит следующему человеку из списка ожидания.
events-mail-event-cancelled-subject = Мероприятие отменено
events-mail-event-cancelled-body = Мероприятие «{ $title }» отменено. Ваша регистрация больше не действует.
events-mail-cancel-reason = Причина: { $reason }
events-mail-reminder-subject = Напоминание: завтра
events-mail-reminder-body = Напоминаем вам о «{ $title }». Ваше место забронировано.
events-mail-unsubscribe = Отказаться от напоминаний и приглашений (подтверждения вы будете получать и дальше):

events-cancel-reason = Причина отмены
events-topics = Темы
events-access-title = Доступность
events-access-step-free = Вход без ступенек
events-access-hearing-loop = Индукционная петля для слуховых аппаратов
events-access-interpreters = Устный перевод
events-access-no-interpreters = Перевод не предлагается
events-access-note = Примечания о доступности
events-yes = Да
events-no = Нет
events-unknown = Неизвестно
events-interpreter-dgs = Немецкий жестовый язык

events-form-organisation-required = Организация или объединение
events-form-accessibility-required = Какая поддержка вам нужна, например вход без ступенек?
events-form-interpreter-required = Перевод на язык
events-form-choose = Пожалуйста, выберите
events-form-optional = по желанию
events-form-answer-invalid = Этот ответ не подходит к вопросу. Пожалуйста, проверьте его.
events-form-answer-required = Пожалуйста, ответьте на этот вопрос.

events-registration-offered = { $name }, для вас освободилось место. Мы держим его для вас.
events-registration-offer-until = Пожалуйста, подтвердите место до { $deadline }.
events-registration-expired = Вы не подтвердили предложенное место вовремя. Оно перешло следующему человеку из списка ожидания.
events-registration-offer-confirm = Подтвердить место
events-registration-offer-decline = Отказаться от места и освободить его
events-registration-offer-gone = Это предложение больше не действует. Срок истёк или место уже отдано.
events-registration-cancel-closed = С { $when } отменить регистрацию по этой ссылке уже нельзя. Если вы не сможете прийти, пожалуйста, сообщите организаторам.
events-registration-cancel-until = Вы можете сами отменить регистрацию до { $when }.

events-unsubscribe-title = Больше никаких напоминаний
events-unsubscribe-explain = На этот адрес больше не будут приходить напоминания и приглашения на мероприятия. Подтверждения, предложения свободных мест и сообщения об отмене вы будете получать и дальше.
events-unsubscribe-submit = Отказаться от напоминаний и приглашений
events-unsubscribe-done = Готово: мы больше не будем отправлять напоминания и приглашения на этот адрес. Подтверждения и сообщения об отмене вы будете получать и дальше.
