# Shell: layout, start page, login, error pages. Every resident language has this file.

site-name = Vertrauensnetz
skip-to-content = Skip to content
nav-language = Language
nav-account = Account
nav-login = Sign in
nav-logout = Sign out
nav-staff = Workspace
footer-emergency = In an emergency: police 110, fire brigade and ambulance 112.
footer-privacy = These pages load nothing from other servers and set no advertising or analytics cookies.

portal-title = Safety and trust in your city
portal-intro = Choose your city.

start-page-title = Home
start-title = Vertrauensnetz { $city }
start-intro = The city, the police and civil society work together here for safety and trust. You can report defects and unsafe places, make a complaint, check a stop receipt, attend events and read warnings.
start-emergency-title = In an emergency
start-emergency-text = Call the police on 110 or the fire brigade and ambulance on 112. These pages do not replace an emergency call.
start-services-title = Services
start-services-coming = Services for residents are being switched on here step by step.
start-staff-title = For staff and partners
start-staff-text = Staff of the city, the police, the complaint office and partner organisations sign in here.

login-title = Sign in
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-help = Forgotten your password? Contact the administrators of your office.
login-failed = Sign-in failed. Please check your e-mail address and password.
login-throttled = Too many sign-in attempts. Please wait 15 minutes and try again.

second-factor-title = Second factor
second-factor-intro = Enter the six-digit code from your authenticator app.
second-factor-code = Six-digit code
second-factor-submit = Confirm
second-factor-wrong = The code is wrong or has already been used.

form-error-summary = Please correct the following:

error-code = Error code { $status }
error-back-home = Go to the home page
error-not-found = Page not found
    .help = This address does not exist. Perhaps there is a typo.
error-forbidden = No access
    .help = You are not allowed to see this page.
error-unauthorized = Sign-in required
    .help = Please sign in.
error-bad-token = Invalid access token
    .help = The access (bearer) token is invalid or has been revoked.
error-bad-request = Invalid request
    .help = The request could not be processed. Please check what you entered.
error-unprocessable = Input incomplete or invalid
    .help = Please check what you entered. Nothing has been saved.
error-too-large = Too much data
    .help = The data sent is too large. Nothing has been saved.
error-media-type = Wrong data format
    .help = The data was sent in a format that is not accepted here.
error-method = Action not possible
    .help = This action is not available at this address.
error-too-many = Too many requests
    .help = Please wait a few minutes and try again.
error-csrf = Form expired
    .help = The form has expired or did not come from this site. Please reload the page and send it again.
error-cross-site = Request from another site refused
    .help = This action can only be started from this website.
error-unavailable = Temporarily unavailable
    .help = The service cannot be reached right now. Please try again in a few minutes.
error-internal = Internal error
    .help = Something went wrong. The error has been logged. Please try again later.
error-conflict = Not possible
    .help = This action is not possible in the current state.
