import Signals

/// Builds the analyzer's lexicon: the built-in one plus any `--lexicon` files.
enum LexiconLoader {
  static func load(_ paths: [String]) throws(UserFacingError) -> Lexicon {
    if paths.isEmpty { return .builtIn }
    var document = Lexicon.builtInDocument
    do {
      for path in paths {
        let text = try FileReader.readText(path)
        document = document.merged(with: try LexiconDocument(parsing: text, file: path))
      }
      return try Lexicon(document: document)
    } catch let error as LexiconError {
      throw UserFacingError(error.description, code: .dataError)
    } catch let error as UserFacingError {
      throw error
    } catch {
      throw UserFacingError("error: \(error)", code: .dataError)
    }
  }
}
