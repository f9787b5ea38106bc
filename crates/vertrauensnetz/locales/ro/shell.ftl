# Shell: layout, start page, login, error pages. Every resident language has this file.

site-name = Vertrauensnetz
skip-to-content = Salt la conținut
nav-language = Limba
nav-account = Cont
nav-login = Autentificare
nav-logout = Deconectare
nav-staff = Spațiu de lucru
footer-emergency = În caz de urgență: poliția 110, pompierii și ambulanța 112.
footer-privacy = Aceste pagini nu încarcă nimic de pe servere externe și nu folosesc cookie-uri de publicitate sau de analiză.

portal-title = Siguranță și încredere în orașul dumneavoastră
portal-intro = Alegeți orașul dumneavoastră.

start-page-title = Pagina principală
start-title = Vertrauensnetz { $city }
start-intro = Aici, administrația orașului, poliția și societatea civilă lucrează împreună pentru siguranță și încredere. Puteți semnala defecțiuni și locuri nesigure, depune o plângere, verifica o chitanță primită după un control al poliției, participa la evenimente și citi avertizări.
start-emergency-title = În caz de urgență
start-emergency-text = Sunați la poliție la numărul 110 sau la pompieri și ambulanță la numărul 112. Aceste pagini nu înlocuiesc un apel de urgență.
start-services-title = Servicii
start-services-coming = Serviciile pentru locuitori vor fi activate aici treptat.
start-staff-title = Pentru angajați și parteneri
start-staff-text = Angajații orașului, ai poliției, ai biroului de reclamații și ai organizațiilor partenere se autentifică aici.

login-title = Autentificare
login-email = Adresă de e-mail
login-password = Parolă
login-submit = Autentificare
login-help = Ați uitat parola? Adresați-vă administratorilor instituției dumneavoastră.
login-failed = Autentificarea nu a reușit. Vă rugăm să verificați adresa de e-mail și parola.
login-throttled = Prea multe încercări de autentificare. Vă rugăm să așteptați 15 minute și să încercați din nou.

second-factor-title = Al doilea factor
second-factor-intro = Introduceți codul din șase cifre din aplicația de autentificare.
second-factor-code = Cod din șase cifre
second-factor-submit = Confirmare
second-factor-wrong = Codul este greșit sau a fost deja folosit.

form-error-summary = Vă rugăm să corectați următoarele date:

error-code = Cod de eroare { $status }
error-back-home = Înapoi la pagina principală
error-not-found = Pagina nu a fost găsită
    .help = Această adresă nu există. Poate s-a strecurat o greșeală de scriere.
error-forbidden = Fără acces
    .help = Nu aveți permisiunea de a accesa această pagină.
error-unauthorized = Autentificare necesară
    .help = Vă rugăm să vă autentificați.
error-bad-token = Cheie de acces nevalidă
    .help = Cheia de acces (token Bearer) este nevalidă sau a fost revocată.
error-bad-request = Cerere nevalidă
    .help = Cererea nu a putut fi procesată. Vă rugăm să verificați datele introduse.
error-unprocessable = Date incomplete sau nevalide
    .help = Vă rugăm să verificați datele introduse. Nu s-a salvat nimic.
error-too-large = Volum de date prea mare
    .help = Datele trimise sunt prea mari. Nu s-a salvat nimic.
error-media-type = Format de date greșit
    .help = Datele au fost trimise într-un format care nu este acceptat aici.
error-method = Acțiunea nu este posibilă
    .help = Această acțiune nu este prevăzută pentru această adresă.
error-too-many = Prea multe cereri
    .help = Vă rugăm să așteptați câteva minute și să încercați din nou.
error-csrf = Formularul a expirat
    .help = Formularul a expirat sau nu provine de pe acest site. Vă rugăm să reîncărcați pagina și să trimiteți formularul din nou.
error-cross-site = Cerere de pe alt site respinsă
    .help = Această acțiune poate fi declanșată numai de pe acest site.
error-unavailable = Temporar indisponibil
    .help = Serviciul nu este accesibil momentan. Vă rugăm să încercați din nou peste câteva minute.
error-internal = Eroare internă
    .help = Ceva nu a funcționat. Eroarea a fost înregistrată. Vă rugăm să încercați din nou mai târziu.
error-conflict = Nu este posibil
    .help = Această acțiune nu este posibilă în situația actuală.
