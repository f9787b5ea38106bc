# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = Здравейте, { $name },
events-mail-confirmed-subject = Регистрацията е потвърдена
events-mail-confirmed-body = Регистрацията Ви за „{ $title }“ е потвърдена. Мястото Ви е запазено.
events-mail-waitlisted-subject = В списъка на чакащите
events-mail-waitlisted-body = Всички места за „{ $title }“ са заети. Вие сте в списъка на чакащите и ще получите съобщение веднага щом се освободи място за Вас.
events-mail-promoted-subject = Освободи се място
events-mail-promoted-body = За „{ $title }“ се освободи място. Регистрацията Ви вече е потвърдена.
events-mail-position = { $position ->
    [one] Вашият ред в списъка на чакащите е следващият.
   *[other] Вашият номер в списъка на чакащите: { $position }.
}
events-mail-when = Кога
events-mail-where = Къде
events-mail-cancel = Ако не можете да дойдете, моля, освободете мястото си. Вашата лична връзка за преглед и отказ:

events-title = Събития
events-summary = Форуми, кръгли маси и превантивни събития на полицията и партньорските организации – с регистрация.
events-intro = Полицията, градът и партньорските организации Ви канят на форуми, кръгли маси и превантивни събития. Всички събития са безплатни.
events-calendar-link = Абонирайте се за всички събития като календар (iCal)
events-upcoming = Предстоящи събития
events-past = Минали събития
events-none = В момента няма планирани събития.
events-back = Всички събития
events-kind = Вид
events-kind-forum = Форум
events-kind-open-conference = Открита конференция
events-kind-discussion-round = Кръгла маса
events-kind-prevention-event = Превантивно събитие
events-kind-training = Обучение
events-kind-intercultural-week = Междукултурна седмица
events-kind-committee-session = Заседание на комисия
events-places-left = Свободни места
events-waitlist-open = възможно е записване в списъка на чакащите
events-add-to-calendar = Добавете към своя календар (iCal)
events-register-title = Регистрация
events-cancelled = Това събитие е отменено.
events-no-registration = За това събитие не е необходима регистрация.
events-over = Това събитие вече се е състояло.
events-opens = Регистрацията започва на { $when }.
events-closed = Регистрацията е затворена от { $when }.
events-full = Всички места за събитието са заети и няма списък на чакащите.
events-form-name = Вашето име
events-form-email = Вашият имейл адрес
events-form-email-hint = На този адрес ще изпратим потвърждението и Вашия личен линк за отказ от регистрацията.
events-form-organisation = Организация или сдружение (по желание)
events-form-accessibility = Нуждаете ли се от съдействие, например достъп без стъпала? (по желание)
events-form-interpreter = Устен превод на избран език (по желание)
events-form-no-interpreter = Не е необходим устен превод
events-form-submit = Потвърждаване на регистрацията
events-form-name-invalid = Моля, въведете името си (най-много 200 знака).
events-form-email-invalid = Моля, въведете валиден имейл адрес.
events-form-too-long = Един от въведените текстове е твърде дълъг. Моля, съкратете го.
events-registration-title = Вашата регистрация
events-registration-confirmed = { $name }, регистрацията Ви е потвърдена. Мястото Ви е запазено.
events-registration-waitlisted = { $name }, Вие сте в списъка на чакащите. Ще Ви пишем веднага щом се освободи място.
events-registration-cancelled = Тази регистрация е отменена. Мястото отново е свободно.
events-registration-event = Събитие
events-registration-keep-link = Запазете линка към тази страница: само чрез него можете да видите и да отмените регистрацията си. Изпратихме Ви го и по имейл.
events-registration-cancel = Отказ от регистрацията и освобождаване на мястото

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = Освободи се място за вас
events-mail-offered-body = За „{ $title }“ се освободи място. Пазим го за вас – моля, потвърдете го навреме.
events-mail-offer-deadline = Моля, потвърдете до { $deadline }. След това мястото преминава към следващия човек от списъка на чакащите.
events-mail-offer-link = Потвърдете мястото или се откажете от него тук (вашата лична връзка):
events-mail-expired-subject = Предложението изтече
events-mail-expired-body = Не потвърдихте навреме свободното място за „{ $title }“. Мястото преминава към следващия човек от списъка на чакащите.
events-mail-event-cancelled-subject = Събитието е отменено
events-mail-event-cancelled-body = Събитието „{ $title }“ е отменено. Вашата регистрация вече не е валидна.
events-mail-cancel-reason = Причина: { $reason }
events-mail-reminder-subject = Напомняне: утре
events-mail-reminder-body = Напомняме ви за „{ $title }“. Вашето място е запазено.
events-mail-unsubscribe = Откажете се от напомняния и покани (потвържденията ще продължите да получавате):

events-cancel-reason = Причина за отмяната
events-topics = Теми
events-access-title = Достъпност
events-access-step-free = Достъп без стъпала
events-access-hearing-loop = Индукционна верига за слухови апарати
events-access-interpreters = Устен превод
events-access-no-interpreters = Не се предлага превод
events-access-note = Бележки за достъпността
events-yes = Да
events-no = Не
events-unknown = Не е известно
events-interpreter-dgs = Германски жестов език

events-form-organisation-required = Организация или сдружение
events-form-accessibility-required = Каква подкрепа ви е нужна, например достъп без стъпала?
events-form-interpreter-required = Превод на език
events-form-choose = Моля, изберете
events-form-optional = по желание
events-form-answer-invalid = Този отговор не съответства на въпроса. Моля, проверете го.
events-form-answer-required = Моля, отговорете на този въпрос.

events-registration-offered = { $name }, освободи се място за вас. Пазим го за вас.
events-registration-offer-until = Моля, потвърдете мястото до { $deadline }.
events-registration-expired = Не потвърдихте навреме предложеното място. То премина към следващия човек от списъка на чакащите.
events-registration-offer-confirm = Потвърждавам мястото
events-registration-offer-decline = Не приемам мястото и го освобождавам
events-registration-offer-gone = Това предложение вече не е валидно. Срокът изтече или мястото вече е дадено.
events-registration-cancel-closed = От { $when } вече не можете да отмените регистрацията си чрез тази връзка. Ако не можете да дойдете, моля, уведомете организаторите.
events-registration-cancel-until = Можете сами да отмените регистрацията си до { $when }.

events-unsubscribe-title = Без повече напомняния
events-unsubscribe-explain = На този адрес вече няма да получавате напомняния и покани за събития. Потвържденията, предложенията за свободни места и отмените ще продължите да получавате.
events-unsubscribe-submit = Отказвам се от напомняния и покани
events-unsubscribe-done = Готово: вече няма да изпращаме напомняния и покани на този адрес. Потвържденията и отмените ще продължите да получавате.
