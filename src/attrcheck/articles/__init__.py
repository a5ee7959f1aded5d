"""Stage `articles`: find article files and read their figures (issue 2).

API: find_articles(paths) -> list[ArticleFile]; read_article(file) -> Article;
resolve_image(figure, article_file, root) -> ImageRef; rewrite_captions(text, edits) -> str.
"""
