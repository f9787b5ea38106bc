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
