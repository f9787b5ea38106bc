# Public topic pages.
topics-title = Topics
topics-summary = Racism, people in crisis, youth, prevention and more: all events on a topic.
topics-intro = What police, city and partner organisations work on together. For each topic you find its events.
topics-back = All topics
topics-no-upcoming-events = No events on this topic are planned at the moment.
topics-no-past-events = There have been no events on this topic yet.
topics-calendar-link = Subscribe to the events on this topic as a calendar (iCal)
