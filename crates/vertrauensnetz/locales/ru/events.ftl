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
