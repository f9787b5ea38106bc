# Staff pages: account, second factor enrolment, administration. German and English only.

staff-title = Workspace
staff-welcome = Welcome, { $name }.
staff-roles = Your roles here:

totp-title = Set up a second factor
totp-required = Your role requires a second factor. Set it up now to continue.
totp-step-app = Install an authenticator app (for example FreeOTP, Aegis or your agency's app).
totp-step-scan = Scan the QR code or type in the key by hand.
totp-secret-label = Key:
totp-step-code = Enter the six-digit code the app shows.
totp-enable = Turn on the second factor

account-title = My account
account-name = Name
account-login = Login (e-mail)
account-roles = Roles
account-second-factor = Second factor
account-totp-on = set up
account-totp-off = not set up
account-totp-setup = Set up now
account-password-title = Change password
account-password-current = Current password
account-password-new = New password
account-password-hint = At least 12 characters. A sentence of several words is easy to remember and safe.
account-password-confirm = Repeat the new password
account-password-submit = Change password
account-password-wrong = The current password is not correct.
account-password-mismatch = The two new passwords do not match.
account-password-changed = The password has been changed. All other sign-ins have been ended.

admin-users-title = Accounts and roles
admin-users-caption = Accounts with a role in this city
admin-users-status = Status
admin-users-actions = Actions
admin-users-active = active
admin-users-inactive = deactivated
admin-users-activate = Activate
admin-users-deactivate = Deactivate
admin-users-reset = Reset password
admin-users-new = New account
admin-users-role = Role
admin-users-create = Create account
admin-users-created = The account has been created. Pass this password on to the person securely; it is shown only now:
admin-users-granted = The account existed already; it now also has the role { $role }.
admin-users-saved = Saved.
admin-users-password-reset = The password has been reset. New password (shown only now):
admin-users-name-invalid = Please enter a name of at most 200 characters.
admin-users-email-invalid = Please enter a valid e-mail address.
admin-users-role-invalid = Please choose a role from the list.

audit-title = Audit log
audit-intro = Every change made by staff is recorded here in a chained list that cannot be altered. The command "vertrauensnetz audit verify" checks the chain.
audit-caption = The newest 200 entries
audit-time = Time
audit-actor = Who
audit-action = Action
audit-object = Object
audit-details = Details

outbox-title = Outbox
outbox-caption = The newest 200 messages
outbox-created = Created
outbox-subject = Subject
outbox-state = State
outbox-attempts = Attempts
outbox-sent = sent
outbox-pending = waiting to be sent
outbox-failed = given up: { $error }

notifications-title = Notifications
notifications-summary = What needs your attention: consultations, applications, approvals, new versions.
notifications-none = No notifications.
notifications-unread = { $n ->
    [0] All read.
    [one] One unread notification.
   *[other] { $n } unread notifications.
}
notifications-new = New
notifications-mark-read = Mark all as read
notification-consultation = Your answer is asked for: { $subject }
notification-review = Application for review: { $subject }
notification-press = Press release for approval: { $subject }
notification-agreement = New version { $subject } of the cooperation agreement
