/// Temporary: the Authoring module is being written.
enum AuthoringPlaceholder {}
