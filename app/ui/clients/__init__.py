"""The client list and the client view with its built-in sections and dialogs."""
