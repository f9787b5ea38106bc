places-staff-title = Manage safe places
places-staff-summary = Review and approve venues' applications.
places-staff-active = { $n } places are listed publicly.
places-staff-applications = Applications
places-staff-none = No open applications.
places-staff-approve = Accept
places-staff-reject = Reject
