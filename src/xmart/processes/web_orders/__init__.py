"""Web store orders into corporate sale orders (DOMAIN.md section 10, `xmart web-orders`).

- `model`: a web order as read, in one shape for every web store (amounts resolved, never a card number);
- `fields`: typed readers over an order's JSON whose errors name the file, the order and the field;
- `shopify`, `woocommerce`: the readers of the two formats;
- `files`: files and folders into orders, and the card-data scan of every text;
- `fitting`: lines carried to the cent (price and line discount from the amounts paid);
- `mapping`: what a version of an order does to xmart (new, unchanged, update, cancel, held);
- `importing`: the runs (`import_web_orders`, `retry_held`), SKU mappings, review list and reports.
"""
