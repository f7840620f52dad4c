/// Small inline scripts shared by the engine tests.
enum Fixtures {
  /// Two questions, a follow-up with one retry, variables, reactions, a safety rule and an end.
  static let twoQuestions = """
    format: rekindle-dialogue/1
    title: "Two questions"
    start: first
    reactions:
      remorse: "Regret heard."
      blame: "Blame heard."
    safety:
      when: { signals: { any: [safety] } }
      goto: stop
    states:
      first:
        group: 1
        coach: "Be calm."
        ask: "What happened?"
        transitions:
          - when: { signals: { any: [blame] } }
            set: { blamed: "yes" }
            coach: "They blamed you."
            goto: second
          - when: { evasive: true }
            follow_up: "Can you tell me more?"
            retries: 1
            coach: "Ask once more, kindly."
            goto: second
          - goto: second
      second:
        group: 2
        coach: "Listen for sympathy."
        ask: "Do you understand what it did to me?"
        yes_no: true
        transitions:
          - when: { vars: { blamed: "yes" } }
            goto: done
          - when: { answer: "yes" }
            goto: done
          - when: { signals: { all: [remorse, patience] } }
            goto: done
          - goto: done
      done:
        kind: end
        say: "That was the last question."
      stop:
        kind: safety
        say: "Let's stop here and find real help."
    """
}
