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
