package loaders

// datesOf is findDates(text), text being sentence j's masked text or that
// trimmed, read from what run found when it is the same text.
func (a *analysis) datesOf(j int, text string) []dateExpr {
	if j < len(a.sentenceDates) && text == a.masked[j] {
		return a.sentenceDates[j]
	}
	return findDates(text, a.dayFirst)
}

// hasTriggers is len(findTriggers(text)) > 0, text being sentence j's
// masked text or that trimmed, found once per sentence.
func (a *analysis) hasTriggers(j int, text string) bool {
	if j >= len(a.sentenceTriggers) || text != a.masked[j] {
		return len(findTriggers(text)) > 0
	}
	if a.sentenceTriggers[j] == 0 {
		a.sentenceTriggers[j] = 1
		if len(findTriggers(text)) > 0 {
			a.sentenceTriggers[j] = 2
		}
	}
	return a.sentenceTriggers[j] == 2
}
