# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = Rețeaua de cooperare
network-public-summary = Poliția, administrația orașului și organizațiile societății civile în dialog – cine participă, ce s-a convenit și cum vă puteți alătura.
network-public-intro = În rețeaua de cooperare, poliția, administrația orașului și organizațiile societății civile colaborează pentru dialog și încredere. Aici găsiți partenerii, acordul de cooperare, comunicatele de presă comune și stadiul măsurilor convenite.
network-public-partners = Organizații partenere
network-public-none = Nicio organizație parteneră nu are încă un profil public.
network-public-back = Înapoi la rețeaua de cooperare
network-logo-alt = Sigla organizației { $organisation }

network-org-kind-migrant_organisation = Organizație a migranților
network-org-kind-youth_organisation = Organizație de tineret
network-org-kind-association = Asociație
network-org-kind-religious_community = Comunitate religioasă
network-org-kind-counselling_service = Centru de consiliere
network-org-kind-police_unit = Unitate de poliție
network-org-kind-city_office = Serviciu municipal
network-org-kind-other = Altele

network-news-title = Comunicate de presă comune
network-news-summary = Comunicate aprobate de toți partenerii implicați.
network-news-intro = Aceste comunicate sunt publicate numai după ce fiecare organizație parteneră implicată a aprobat textul exact.
network-news-none = Nu a fost publicat încă niciun comunicat.
network-news-feed = Abonați-vă la comunicate prin feedul Atom
network-news-feed-title = Comunicate de presă comune – rețeaua de cooperare { $city }
network-news-feed-author = Rețeaua de cooperare { $city }
network-news-signatories = Publicat în comun de
network-news-back = Toate comunicatele

network-agreement-title = Acordul de cooperare
network-agreement-version-of = Versiunea { $version } din
network-agreement-untranslated = Această versiune nu este încă disponibilă în limba dumneavoastră. Vedeți textul în limba germană.
network-agreement-preamble = Preambul
network-agreement-goals = Obiective
network-agreement-measures = Măsuri
network-agreement-closing = Dispoziții finale
network-agreement-signatories = Semnatari
network-agreement-no-signatories = Nu există încă semnături.
network-agreement-versions = Versiuni anterioare
network-agreement-changes-in = Modificări în versiunea { $version }
network-agreement-none = Nu a fost publicat încă niciun acord.
network-agreement-diff-title = Modificări între două versiuni
network-agreement-diff-from = De la versiunea
network-agreement-diff-to = Până la versiunea
network-agreement-diff-show = Comparați
network-agreement-diff-count = { $n ->
    [0] Nicio modificare.
    [one] Un rând modificat.
    [few] { $n } rânduri modificate.
   *[other] { $n } de rânduri modificate.
}
network-agreement-back = La versiunea actuală
network-diff-added = Adăugat
network-diff-removed = Eliminat

network-accountability-title = Măsuri și implementare
network-accountability-intro = Ce obiective și-a stabilit rețeaua, prin ce măsuri le urmărește și în ce stadiu se află sarcinile.
network-accountability-none = Nu au fost introduse încă obiective.
network-progress = Finalizate: { $done }
network-progress-of = Progres: { $title }
network-actions-of = Sarcini pentru { $title }
network-action = Sarcină
network-action-owner = Responsabil
network-action-due = Termen
network-action-status = Stadiu
network-action-overdue = termen depășit
network-action-status-open = deschisă
network-action-status-in_progress = în lucru
network-action-status-done = finalizată
network-action-status-dropped = abandonată

network-join-title = Deveniți partener
network-join-intro = Organizația dumneavoastră dorește să colaboreze în rețeaua de cooperare? Exprimați-vă aici interesul. Apoi veți primi un link personal prin care puteți completa candidatura și îi puteți urmări stadiul.
network-join-step-interest = Exprimarea interesului (acest formular)
network-join-step-application = Depunerea candidaturii împreună cu statutul
network-join-step-review = Examinare și vot în grupul director
network-join-step-decision = Decizia motivată, comunicată prin e-mail
network-join-privacy = Folosim datele dumneavoastră numai pentru procedura de candidatură. Datele de contact sunt văzute doar de biroul de coordonare și, ulterior, de propria dumneavoastră organizație.
network-join-submit = Trimiteți manifestarea de interes
network-required-hint = Câmpurile marcate cu * sunt obligatorii.
network-choose = Vă rugăm să alegeți

network-field-org-name = Numele organizației
network-field-contact-name = Numele persoanei de contact
network-field-function = Funcția
network-field-email = Adresă de e-mail
network-field-email-hint = La această adresă vă trimitem linkul personal.
network-field-phone = Telefon
network-field-seat = Sediu (localitate)
network-field-seat-hint = Pot deveni membre organizațiile cu sediul în acest oraș.
network-field-kind = Tipul organizației
network-field-street = Strada și numărul
network-field-postcode = Cod poștal
network-field-website = Site web
network-field-languages = Limbi vorbite
network-field-topics = Domenii de activitate
network-field-motivation = De ce doriți să participați?
network-field-statutes = Statut (PDF)
network-field-statutes-hint = Numai PDF, cel mult { $mb } MB.

network-app-title = Candidatura dumneavoastră
network-app-status = Stadiu
network-app-status-interest = Interes exprimat
network-app-status-submitted = Candidatură primită
network-app-status-in_review = În curs de examinare
network-app-status-accepted = Acceptată
network-app-status-rejected = Respinsă
network-app-step-decision = Decizie
network-step-done = finalizat
network-app-form-title = Completați candidatura
network-app-form-intro = Vă rugăm să vă descrieți organizația și să încărcați statutul acesteia. După trimitere nu mai puteți modifica datele.
network-app-org-legend = Organizație
network-app-contact-legend = Persoană de contact
network-app-submit = Depuneți candidatura
network-app-wait = Am primit candidatura dumneavoastră. Vă vom anunța prin e-mail imediat ce se ia o decizie.
network-app-reason = Motivare
network-app-accepted-next = Bun venit în rețea! Ați primit un e-mail cu un link prin care vă stabiliți parola. Apoi vă puteți autentifica și puteți accepta acordul de cooperare.
network-app-keep-link = Păstrați linkul către această pagină: numai cu ajutorul lui puteți vedea stadiul candidaturii dumneavoastră.

network-error-name = Vă rugăm să indicați numele organizației (cel mult 200 de caractere, pe un singur rând).
network-error-contact = Vă rugăm să indicați numele persoanei de contact (cel mult 200 de caractere).
network-error-email = Vă rugăm să indicați o adresă de e-mail validă.
network-error-city = Vă rugăm să indicați sediul organizației.
network-error-kind = Vă rugăm să alegeți tipul organizației.
network-error-too-long = Una dintre informații este prea lungă.
network-error-website = Adresa site-ului trebuie să înceapă cu https:// sau http://.
network-error-language = Vă rugăm să alegeți limbi din listă.
network-error-topic = Domeniu de activitate necunoscut: { $topic }
network-error-motivation = Vă rugăm să descrieți pe scurt de ce doriți să participați.
network-error-statutes-missing = Vă rugăm să încărcați statutul în format PDF.
network-error-statutes-size = Fișierul este prea mare: cel mult { $mb } MB.
network-error-statutes-type = Fișierul nu este un PDF. Vă rugăm să încărcați statutul în format PDF.
network-error-already-submitted = Această candidatură a fost deja depusă și nu mai poate fi modificată.

network-mail-greeting = Bună ziua, { $name },
network-mail-interest-subject = Interesul dumneavoastră pentru rețeaua de cooperare { $city }
network-mail-interest-body = Vă mulțumim pentru interesul manifestat de „{ $organisation }” față de rețeaua de cooperare. Prin linkul de mai jos puteți completa candidatura și îi puteți vedea oricând stadiul.
network-mail-private-link = Linkul dumneavoastră personal (vă rugăm să nu îl transmiteți altor persoane):
network-mail-decision-subject = Decizie privind candidatura dumneavoastră – rețeaua de cooperare { $city }
network-mail-accepted-body = Grupul director a decis: organizația „{ $organisation }” este primită în rețeaua de cooperare. Bun venit!
network-mail-rejected-body = Grupul director a luat o decizie cu privire la candidatura organizației „{ $organisation }” și, din păcate, nu o poate accepta.
network-mail-invitation = Prin acest link vă stabiliți parola (valabil 14 zile). Apoi autentificați-vă și acceptați acordul de cooperare:
network-measures-topic-title = Măsurile rețelei
network-measures-topic-none = Pe această temă nu există încă măsuri.
