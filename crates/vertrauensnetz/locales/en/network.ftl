# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = Cooperation network
network-public-summary = Police, city and civil-society organisations in dialogue – who takes part, what was agreed and how to join.
network-public-intro = In the cooperation network, police, city and civil-society organisations work together for dialogue and trust. Here you find the partners, the cooperation agreement, joint press releases and the progress of the agreed measures.
network-public-partners = Partner organisations
network-public-none = No partner organisation has a public profile yet.
network-public-back = Back to the cooperation network
network-logo-alt = Logo of { $organisation }

network-org-kind-migrant_organisation = Migrant organisation
network-org-kind-youth_organisation = Youth organisation
network-org-kind-association = Association
network-org-kind-religious_community = Religious community
network-org-kind-counselling_service = Counselling service
network-org-kind-police_unit = Police unit
network-org-kind-city_office = City office
network-org-kind-other = Other

network-news-title = Joint press releases
network-news-summary = Releases every partner involved has approved.
network-news-intro = These releases are published only after every partner organisation involved has approved the exact text.
network-news-none = No releases have been published yet.
network-news-feed = Subscribe to the releases as an Atom feed
network-news-feed-title = Joint press releases – cooperation network { $city }
network-news-feed-author = Cooperation network { $city }
network-news-signatories = Published jointly by
network-news-back = All releases

network-agreement-title = Cooperation agreement
network-agreement-version-of = Version { $version } of
network-agreement-untranslated = This version is not yet available in your language. You see the German text.
network-agreement-preamble = Preamble
network-agreement-goals = Goals
network-agreement-measures = Measures
network-agreement-closing = Closing clauses
network-agreement-signatories = Signatories
network-agreement-no-signatories = No signatures yet.
network-agreement-versions = Earlier versions
network-agreement-changes-in = Changes in version { $version }
network-agreement-none = No agreement has been published yet.
network-agreement-diff-title = Changes between two versions
network-agreement-diff-from = From version
network-agreement-diff-to = To version
network-agreement-diff-show = Compare
network-agreement-diff-count = { $n ->
    [0] No changes.
    [one] One changed line.
   *[other] { $n } changed lines.
}
network-agreement-back = To the current version
network-diff-added = Added
network-diff-removed = Removed

network-accountability-title = Measures and progress
network-accountability-intro = The goals the network has set itself, the measures that pursue them and how far their action items have come.
network-accountability-none = No goals have been entered yet.
network-progress = { $done } done
network-progress-of = Progress: { $title }
network-actions-of = Action items of { $title }
network-action = Action item
network-action-owner = Responsible
network-action-due = Due on
network-action-status = Status
network-action-overdue = overdue
network-action-status-open = open
network-action-status-in_progress = in progress
network-action-status-done = done
network-action-status-dropped = dropped

network-join-title = Become a partner
network-join-intro = Your organisation would like to join the cooperation network? Declare your interest here. You then receive a personal link to complete the application and follow its status.
network-join-step-interest = Declare interest (this form)
network-join-step-application = Submit the application with your statutes
network-join-step-review = Review and vote in the steering group
network-join-step-decision = Decision with reasons by e-mail
network-join-privacy = We use your details only for the application procedure. Contact details are seen only by the coordination office and later by your own organisation.
network-join-submit = Send interest
network-required-hint = Fields marked * are required.
network-choose = Please choose

network-field-org-name = Name of the organisation
network-field-contact-name = Name of the contact person
network-field-function = Function
network-field-email = E-mail address
network-field-email-hint = We send the personal link to this address.
network-field-phone = Phone
network-field-seat = Seat (town)
network-field-seat-hint = Organisations with their seat in this city can become members.
network-field-kind = Kind of organisation
network-field-street = Street and number
network-field-postcode = Postcode
network-field-website = Website
network-field-languages = Languages spoken
network-field-topics = Fields of work
network-field-motivation = Why would you like to take part?
network-field-statutes = Statutes (PDF)
network-field-statutes-hint = PDF only, at most { $mb } MB.

network-app-title = Your application
network-app-status = Status
network-app-status-interest = Interest declared
network-app-status-submitted = Application received
network-app-status-in_review = Under review
network-app-status-accepted = Accepted
network-app-status-rejected = Rejected
network-app-step-decision = Decision
network-step-done = done
network-app-form-title = Complete the application
network-app-form-intro = Please describe your organisation and upload your statutes. After sending you can no longer change the details.
network-app-org-legend = Organisation
network-app-contact-legend = Contact person
network-app-submit = Submit application
network-app-wait = We have your application. We will write to you by e-mail once it has been decided.
network-app-reason = Reasons
network-app-accepted-next = Welcome to the network! You have received an e-mail with a link to set your password. Then you can sign in and accept the cooperation agreement.
network-app-keep-link = Keep the link to this page: only with it can you see the status of your application.

network-error-name = Please enter the name of the organisation (at most 200 characters, one line).
network-error-contact = Please enter the name of the contact person (at most 200 characters).
network-error-email = Please enter a valid e-mail address.
network-error-city = Please enter the seat of the organisation.
network-error-kind = Please choose the kind of organisation.
network-error-too-long = An entry is too long.
network-error-website = The website must start with https:// or http://.
network-error-language = Please choose languages from the list.
network-error-topic = Unknown field of work: { $topic }
network-error-motivation = Please describe briefly why you would like to take part.
network-error-statutes-missing = Please upload your statutes as a PDF.
network-error-statutes-size = The file is too large: at most { $mb } MB.
network-error-statutes-type = The file is not a PDF. Please upload the statutes as a PDF.
network-error-already-submitted = This application has already been submitted and can no longer be changed.

network-mail-greeting = Hello { $name },
network-mail-interest-subject = Your interest in the cooperation network { $city }
network-mail-interest-body = thank you for the interest of "{ $organisation }" in the cooperation network. With the following link you complete the application and see its status at any time.
network-mail-private-link = Your personal link (please do not pass it on):
network-mail-decision-subject = Decision on your application – cooperation network { $city }
network-mail-accepted-body = the steering group has decided: "{ $organisation }" joins the cooperation network. Welcome!
network-mail-rejected-body = the steering group has decided on the application of "{ $organisation }" and is unfortunately unable to accept it.
network-mail-invitation = With this link you set your password (valid for 14 days). Then sign in and accept the cooperation agreement:
network-measures-topic-title = Measures of the network
network-measures-topic-none = There are no measures on this topic yet.
