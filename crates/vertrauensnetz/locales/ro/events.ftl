# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = Bună ziua, { $name },
events-mail-confirmed-subject = Înscriere confirmată
events-mail-confirmed-body = Înscrierea dumneavoastră la „{ $title }” este confirmată. Locul dumneavoastră este rezervat.
events-mail-waitlisted-subject = Pe lista de așteptare
events-mail-waitlisted-body = Toate locurile la „{ $title }” sunt ocupate. Sunteți pe lista de așteptare și veți primi un mesaj imediat ce se eliberează un loc pentru dumneavoastră.
events-mail-promoted-subject = S-a eliberat un loc
events-mail-promoted-body = S-a eliberat un loc la „{ $title }”. Înscrierea dumneavoastră este acum confirmată.
events-mail-position = { $position ->
    [one] Sunteți următoarea persoană de pe lista de așteptare.
   *[other] Locul dumneavoastră pe lista de așteptare: { $position }.
}
events-mail-when = Când
events-mail-where = Unde
events-mail-cancel = Dacă nu puteți veni, vă rugăm să eliberați locul. Linkul dumneavoastră personal pentru vizualizare și anulare:

events-title = Evenimente
events-summary = Forumuri, mese rotunde și evenimente de prevenire organizate de poliție și de organizațiile partenere – cu înscriere.
events-intro = Poliția, administrația orașului și organizațiile partenere vă invită la forumuri, mese rotunde și evenimente de prevenire. Toate evenimentele sunt gratuite.
events-calendar-link = Abonați-vă la toate evenimentele sub formă de calendar (iCal)
events-upcoming = Evenimente viitoare
events-past = Evenimente trecute
events-none = În prezent nu sunt planificate evenimente.
events-back = Toate evenimentele
events-kind = Tip
events-kind-forum = Forum
events-kind-open-conference = Conferință deschisă
events-kind-discussion-round = Masă rotundă
events-kind-prevention-event = Eveniment de prevenire
events-kind-training = Curs de instruire
events-kind-intercultural-week = Săptămâna interculturală
events-kind-committee-session = Ședință de comisie
events-places-left = Locuri libere
events-waitlist-open = vă puteți înscrie pe lista de așteptare
events-add-to-calendar = Adăugați în propriul calendar (iCal)
events-register-title = Înscriere
events-cancelled = Acest eveniment a fost anulat.
events-no-registration = Pentru acest eveniment nu este necesară înscrierea.
events-over = Acest eveniment a avut deja loc.
events-opens = Înscrierea începe pe { $when }.
events-closed = Înscrierea este închisă din { $when }.
events-full = Toate locurile la acest eveniment sunt ocupate și nu există listă de așteptare.
events-form-name = Numele dumneavoastră
events-form-email = Adresa dumneavoastră de e-mail
events-form-email-hint = La această adresă vă trimitem confirmarea și linkul dumneavoastră personal pentru anularea înscrierii.
events-form-organisation = Organizație sau asociație (opțional)
events-form-accessibility = Aveți nevoie de sprijin, de exemplu de o intrare fără trepte? (opțional)
events-form-interpreter = Interpretare într-o limbă (opțional)
events-form-no-interpreter = Nu este nevoie de interpretare
events-form-submit = Înscriere fermă
events-form-name-invalid = Vă rugăm să indicați numele dumneavoastră (cel mult 200 de caractere).
events-form-email-invalid = Vă rugăm să indicați o adresă de e-mail validă.
events-form-too-long = Una dintre informații este prea lungă. Vă rugăm să o scurtați.
events-registration-title = Înscrierea dumneavoastră
events-registration-confirmed = { $name }, înscrierea dumneavoastră este confirmată. Locul dumneavoastră este rezervat.
events-registration-waitlisted = { $name }, sunteți pe lista de așteptare. Vă vom scrie imediat ce se eliberează un loc.
events-registration-cancelled = Această înscriere a fost anulată. Locul este din nou liber.
events-registration-event = Eveniment
events-registration-keep-link = Păstrați linkul către această pagină: numai cu ajutorul lui vă puteți vedea și anula înscrierea. Vi l-am trimis și prin e-mail.
events-registration-cancel = Anulați înscrierea și eliberați locul

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = S-a eliberat un loc pentru dumneavoastră
events-mail-offered-body = La „{ $title }” s-a eliberat un loc. Vi-l păstrăm – vă rugăm să-l confirmați la timp.
events-mail-offer-deadline = Vă rugăm să confirmați până la { $deadline }. După aceea, locul trece la următoarea persoană de pe lista de așteptare.
events-mail-offer-link = Confirmați locul sau renunțați la el aici (linkul dumneavoastră personal):
events-mail-expired-subject = Oferta a expirat
events-mail-expired-body = Nu ați confirmat la timp locul liber la „{ $title }”. Locul trece acum la următoarea persoană de pe lista de așteptare.
events-mail-event-cancelled-subject = Eveniment anulat
events-mail-event-cancelled-body = Evenimentul „{ $title }” a fost anulat. Înscrierea dumneavoastră nu mai este valabilă.
events-mail-cancel-reason = Motivul: { $reason }
events-mail-reminder-subject = Memento: mâine
events-mail-reminder-body = Vă reamintim de „{ $title }”. Locul dumneavoastră este rezervat.
events-mail-unsubscribe = Renunțați la mementouri și invitații (confirmările le veți primi în continuare):

events-cancel-reason = Motivul anulării
events-topics = Teme
events-access-title = Accesibilitate
events-access-step-free = Acces fără trepte
events-access-hearing-loop = Buclă de inducție pentru aparate auditive
events-access-interpreters = Interpretariat
events-access-no-interpreters = Nu se oferă interpretariat
events-access-note = Observații despre accesibilitate
events-yes = Da
events-no = Nu
events-unknown = Necunoscut
events-interpreter-dgs = Limbajul semnelor german

events-form-organisation-required = Organizație sau asociație
events-form-accessibility-required = De ce sprijin aveți nevoie, de exemplu acces fără trepte?
events-form-interpreter-required = Interpretariat într-o limbă
events-form-choose = Vă rugăm să alegeți
events-form-optional = opțional
events-form-answer-invalid = Acest răspuns nu se potrivește întrebării. Vă rugăm să-l verificați.
events-form-answer-required = Vă rugăm să răspundeți la această întrebare.

events-registration-offered = { $name }, s-a eliberat un loc pentru dumneavoastră. Vi-l păstrăm.
events-registration-offer-until = Vă rugăm să confirmați locul până la { $deadline }.
events-registration-expired = Nu ați confirmat la timp locul oferit. A trecut la următoarea persoană de pe lista de așteptare.
events-registration-offer-confirm = Confirm locul
events-registration-offer-decline = Nu accept locul și îl eliberez
events-registration-offer-gone = Această ofertă nu mai este valabilă. Termenul a expirat sau locul a fost deja dat.
events-registration-cancel-closed = Din { $when } nu vă mai puteți retrage înscrierea prin acest link. Dacă nu puteți veni, vă rugăm să anunțați organizatorii.
events-registration-cancel-until = Vă puteți retrage singur înscrierea până la { $when }.

events-unsubscribe-title = Fără mementouri
events-unsubscribe-explain = La această adresă nu vor mai sosi mementouri și invitații la evenimente. Confirmările, ofertele de locuri libere și anulările le veți primi în continuare.
events-unsubscribe-submit = Renunț la mementouri și invitații
events-unsubscribe-done = Gata: nu mai trimitem mementouri și invitații la această adresă. Confirmările și anulările le veți primi în continuare.
