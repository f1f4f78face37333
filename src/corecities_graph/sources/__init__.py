"""Files, folders, stdin; txt/md/html/pdf readers -> Document. The only reader of raw input. Imports core, resolve, extract."""
