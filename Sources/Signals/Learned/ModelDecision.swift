/// Combines the lexicon's analysis of a reply with the learned model's probabilities: the model
/// decides which signals are present; evidence comes from the lexicon where it found the sign,
/// otherwise from the words that weighed most in the model. Safety is a possible concern (asked
/// about) from the model's "ask" threshold or any lexicon cue, and a clear one (the practice stops)
/// only where both agree.
struct ModelDecision {
  let model: SignalModel
  let reply: UnsafeBufferPointer<UInt8>

  /// The combined analysis; `features` is where the reply's features are extracted (its buffers reused),
  /// `cache` where the model's per-word character n-gram sums are remembered between replies.
  func combine(
    _ lexical: Analysis, question: UnsafeBufferPointer<UInt8>?, features: inout ReplyFeatures,
    cache: inout CharacterRowCache
  ) -> Analysis {
    features.extract(utf8: reply, question: question, lexicon: lexical, compactCharacters: true)
    var probabilities = model.probabilities(features, cache: &cache)
    if lexical.evasive {
      // A reply that does not answer carries no sign just because of what she asked: "Hm." to "Do you
      // still have feelings for that person?" is a dodge, not an attachment. The question may lower
      // a sign of such a reply, never raise it.
      let alone = model.probabilities(features, replyOnly: true, cache: &cache)
      probabilities = zip(probabilities, alone).map { min($0, $1) }
    }
    var result = lexical
    result.signals = []
    result.confidences = probabilities.map(Self.rounded)
    for id in SignalID.ordered {
      let p = probabilities[id.order]
      let found = lexical.signals.first { $0.id == id }
      var uncertain = false
      if id == .safety {
        // Recall first, and no stop on the model's word alone: the practice stops outright when the
        // lexicon's safety cues and a confident model agree; anything less is asked about first. A
        // lexicon cue the model reads as clearly harmless is an idiom, a film or someone else's loss.
        let cue = found != nil && p >= Self.lexiconSafetyFloor
        // One or two words ("I see.", "Keep going.") are too little for the model alone to ask about:
        // the corpus's short veiled threats taught it that short lines can be, and these are not.
        let modelAsks = p >= Double(model.safetyAskThreshold) && features.wordCount >= SignalModel.fewestWordsForSafety
        guard modelAsks || cue else { continue }
        uncertain = !(found != nil && p >= Double(model.thresholds[id.order]))
      } else if p < Double(model.thresholds[id.order]) {
        continue
      } else if id == .patience, Self.patienceOverruled(probabilities) {
        continue
      }
      let evidence = found?.evidence ?? modelEvidence(features, id, &cache)
      // A concern no word of his reply raised (the model's reading came from the question, the
      // reply's shape or its bias) cannot be shown to her, so it is not asked about: on dev, 2 such
      // asks, both about harmless replies ("Fine, if you say so.").
      if id == .safety, evidence.isEmpty { continue }
      let reason = found?.reason ?? SignalReasons.reason(for: id)
      result.signals.append(
        DetectedSignal(
          id: id, evidence: evidence, reason: reason, score: found?.score ?? p, confidence: result.confidences[id.order],
          uncertain: uncertain))
    }
    return result
  }

  /// Patience words with a deadline attached are pressure, not patience (the corpus's label rule):
  /// when the model is sure of pressure (0.8) and only unsure of patience (below 0.5, often read
  /// from the question, "how do you feel about going slowly?"), patience is not reported. On the dev
  /// split (shipped model) this removes 5 of 36 false patience readings and no true one (F1 0.744 to 0.763).
  static func patienceOverruled(_ probabilities: [Double]) -> Bool {
    probabilities[SignalID.pressure.order] >= 0.8 && probabilities[SignalID.patience.order] < 0.5
  }

  /// Below this safety probability, a lexicon safety cue is not asked about: on the dev split (shipped
  /// model), all 23 such cues were idioms ("I could murder a cuppa"), films and games, or someone
  /// else's loss, and no concern was below it (safety precision 0.665 to 0.695 at the same recall).
  static let lexiconSafetyFloor = 0.08

  /// Probabilities are reported to three decimals: more would only be noise.
  static func rounded(_ p: Double) -> Double { (p * 1000).rounded() / 1000 }

  /// The words that weighed most for `id`, as evidence spans in reply order.
  private func modelEvidence(_ features: ReplyFeatures, _ id: SignalID, _ cache: inout CharacterRowCache) -> [Evidence] {
    let spans = model.evidenceSpans(features, output: id.order, cache: &cache)
    return EvidenceBuilder.evidence(forSortedByteSpans: spans, in: reply)
  }
}
